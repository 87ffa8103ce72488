/// GitHub's emoji shortcodes (`:rocket:`, `:books:`) in running text, shown as the emoji GitHub
/// shows: READMEs use them in headings and lists. The table holds the shortcodes common in
/// learning roadmaps and awesome lists; any other `:name:` stays as written. Code spans and
/// blocks are never changed (they are not text nodes).
public enum EmojiShortcodes {
    public static let table: [String: String] = [
        "+1": "👍", "-1": "👎", "100": "💯", "1st_place_medal": "🥇", "alarm_clock": "⏰", "apple": "🍎",
        "arrow_down": "⬇️", "arrow_forward": "▶️", "arrow_left": "⬅️", "arrow_right": "➡️", "arrow_up": "⬆️",
        "art": "🎨", "balance_scale": "⚖️", "bar_chart": "📊", "beginner": "🔰", "bell": "🔔", "bike": "🚲",
        "blue_book": "📘", "book": "📖", "bookmark": "🔖", "bookmark_tabs": "📑", "books": "📚", "boom": "💥",
        "brain": "🧠", "briefcase": "💼", "bug": "🐛", "building_construction": "🏗️", "bulb": "💡",
        "bust_in_silhouette": "👤", "busts_in_silhouette": "👥", "calendar": "📆", "card_index": "📇",
        "chart_with_upwards_trend": "📈", "chart_with_downwards_trend": "📉", "chains": "⛓️",
        "checkered_flag": "🏁", "clapper": "🎬", "clipboard": "📋", "closed_book": "📕", "cloud": "☁️",
        "coffee": "☕", "collision": "💥", "compass": "🧭", "computer": "💻", "construction": "🚧",
        "crystal_ball": "🔮", "dart": "🎯", "date": "📅", "desktop_computer": "🖥️", "dizzy": "💫",
        "dna": "🧬", "earth_africa": "🌍", "earth_americas": "🌎", "earth_asia": "🌏", "email": "📧",
        "envelope": "✉️", "exclamation": "❗", "eyes": "👀", "fast_forward": "⏩", "file_folder": "📁",
        "film_strip": "🎞️", "fire": "🔥", "flashlight": "🔦", "floppy_disk": "💾", "gear": "⚙️", "gem": "💎",
        "gift": "🎁", "globe_with_meridians": "🌐", "graduation_cap": "🎓", "green_book": "📗", "hammer": "🔨",
        "hammer_and_wrench": "🛠️", "hand": "✋", "handshake": "🤝", "headphones": "🎧", "heart": "❤️",
        "heavy_check_mark": "✔️", "heavy_plus_sign": "➕", "hourglass": "⌛", "hourglass_flowing_sand": "⏳",
        "house": "🏠", "inbox_tray": "📥", "information_source": "ℹ️", "iphone": "📱", "jigsaw": "🧩",
        "key": "🔑", "keyboard": "⌨️", "label": "🏷️", "ledger": "📒", "link": "🔗", "lock": "🔒",
        "loudspeaker": "📢", "mag": "🔍", "mag_right": "🔎", "mailbox": "📫", "man_technologist": "👨‍💻",
        "medal_sports": "🏅", "memo": "📝", "microscope": "🔬", "mortar_board": "🎓", "movie_camera": "🎥",
        "muscle": "💪", "new": "🆕", "newspaper": "📰", "notebook": "📓", "notebook_with_decorative_cover": "📔",
        "office": "🏢", "open_book": "📖", "orange_book": "📙", "outbox_tray": "📤", "package": "📦",
        "page_facing_up": "📄", "page_with_curl": "📃", "paperclip": "📎", "pencil": "📝", "pencil2": "✏️",
        "people_holding_hands": "🧑‍🤝‍🧑", "phone": "☎️", "pill": "💊", "pin": "📌", "point_down": "👇",
        "point_left": "👈", "point_right": "👉", "point_up": "☝️", "pray": "🙏", "pushpin": "📌",
        "question": "❓", "rainbow": "🌈", "raised_hands": "🙌", "recycle": "♻️", "red_circle": "🔴",
        "robot": "🤖", "rocket": "🚀", "round_pushpin": "📍", "satellite": "📡", "school": "🏫",
        "scroll": "📜", "seedling": "🌱", "shield": "🛡️", "smile": "😄", "smiley": "😃", "snake": "🐍",
        "sparkles": "✨", "speech_balloon": "💬", "star": "⭐", "star2": "🌟", "stars": "🌠", "stopwatch": "⏱️",
        "straight_ruler": "📏", "student": "🧑‍🎓", "sunny": "☀️", "tada": "🎉", "teacher": "🧑‍🏫",
        "technologist": "🧑‍💻", "telescope": "🔭", "test_tube": "🧪", "thinking": "🤔", "thought_balloon": "💭",
        "toolbox": "🧰", "trophy": "🏆", "triangular_flag_on_post": "🚩", "tv": "📺", "twisted_rightwards_arrows": "🔀",
        "unlock": "🔓", "v": "✌️", "video_camera": "📹", "video_game": "🎮", "warning": "⚠️", "wave": "👋",
        "whale": "🐳", "white_check_mark": "✅", "world_map": "🗺️", "wrench": "🔧", "x": "❌", "zap": "⚡",
    ]

    /// `text` with each known `:shortcode:` replaced by its emoji.
    public static func replacing(in text: String) -> String {
        rewriting(text) { table[$0] }
    }

    /// `text` without its `:shortcode:`s, known or not: GitHub's anchors leave the emoji out.
    public static func removing(in text: String) -> String {
        rewriting(text) { _ in "" }
    }

    /// `text` with each `:name:` (lower-case letters, digits, `_`, `+`, `-`) replaced by
    /// `replacement(name)`, or kept when that is nil.
    private static func rewriting(_ text: String, _ replacement: (String) -> String?) -> String {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            // The rewritten bytes, made at the first replacement: most text has none and is
            // returned as it is, without a copy. ':' is ASCII and never part of a longer character's bytes.
            var out: [UInt8]?
            var copied = 0  // bytes before this offset are in `out`
            var index = 0
            while index < bytes.count {
                guard bytes[index] == 0x3A else {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
                if end < bytes.count, end > index + 1, bytes[end] == 0x3A,
                   let replaced = replacement(String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self))
                {
                    if out == nil { out = []; out!.reserveCapacity(bytes.count) }
                    out!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                    out!.append(contentsOf: replaced.utf8)
                    index = end + 1
                    copied = index
                    continue
                }
                index += 1
            }
            guard var out else { return text }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2B || byte == 0x2D
    }
}
