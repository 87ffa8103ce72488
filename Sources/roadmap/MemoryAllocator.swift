#if canImport(CMimalloc)
import CMimalloc
#endif

/// The allocator the executable runs on, as `--verbose` names it. Calling into mimalloc here
/// also keeps the linker from dropping the library, whose malloc replaces glibc's only when it
/// is loaded.
enum MemoryAllocator {
    static var name: String {
        #if canImport(CMimalloc)
        let version = Int(mi_version())  // 209 for 2.0.9
        return "mimalloc \(version / 100).\(version / 10 % 10).\(version % 10)"
        #else
        return "the system's malloc"
        #endif
    }
}
