import Foundation

/// Draws a timeline as a static SVG: one row a phase (and, on the timeline page, a row per
/// module), its label above a bar that is solid from the earliest start for the minimum length
/// and lighter up to the latest end. Positions are percentages of the width, so the drawing
/// fills any width while its text keeps its size (readable on a 360-pixel phone).
///
/// A phase whose modules add up to more than it states (``TimelineEntry/overflow``) is marked:
/// a dashed line where it ends at the latest, the time its modules run past it drawn as an
/// overflow bar, and "⚠" with words in the labels of the phase and of each module that ends
/// past it. The duration check's sentence goes under the chart (`partials/timeline-overflow`).
struct TimelineSVG {
    var timeline: Timeline
    var includeModules: Bool
    /// Distinguishes ids when two drawings share a page.
    var idPrefix: String
    /// The site's interface strings: the drawing's title, its labels' lengths, its axis.
    var strings: InterfaceStrings

    /// 1235 → "12.35%", as `%.2f%%` would write 12.35.
    static func percent(hundredths: Int, into out: inout [UInt8]) {
        let fraction = hundredths % 100
        out.append(decimal: hundredths / 100)
        out.append(fraction < 10 ? ".0" : ".")
        out.append(decimal: fraction)
        out.append("%")
    }

    static let rowHeight = 40
    static let moduleRowHeight = 32

    func render() -> String {
        guard let total = timeline.total, total.maxWeeks > 0 else { return "" }
        // Modules that overflow their phase may end after the last phase: the chart reaches them.
        let scale = timeline.phases.flatMap { [$0] + $0.modules }.reduce(total.maxWeeks) { max($0, $1.end.maxWeeks) }
        /// A position in hundredths of a percent of the width.
        func hundredths(_ weeks: Double) -> Int { Int((max(0, min(100, weeks / scale * 100)) * 100).rounded()) }
        // The drawing is written as UTF-8 bytes: it is many short pieces (see HTMLBytes).
        var rows: [UInt8] = []
        rows.reserveCapacity(4096)
        var y = 4
        for (index, phase) in timeline.phases.enumerated() {
            let top = y
            // Where the phase ends at the latest: its modules' overflow is drawn from there.
            let phaseEnd = phase.overflow == nil ? nil : phase.end.maxWeeks
            let modulesEnd = phase.modules.last { $0.length != nil }?.end.maxWeeks
            y += row(phase, title: "\(index + 1). \(phase.title)", y: y, isModule: false, overflowFrom: phaseEnd,
                     overflowTo: modulesEnd, hundredths: hundredths, into: &rows)
            if includeModules {
                for module in phase.modules where module.length != nil {
                    y += row(module, title: module.title, y: y, isModule: true, overflowFrom: module.overflow == nil ? nil : phaseEnd,
                             overflowTo: module.end.maxWeeks, hundredths: hundredths, into: &rows)
                }
            }
            if let phaseEnd {
                rows.append("<line class=\"tl-phase-end\" x1=\"")
                Self.percent(hundredths: hundredths(phaseEnd), into: &rows)
                rows.append("\" x2=\"")
                Self.percent(hundredths: hundredths(phaseEnd), into: &rows)
                rows.append("\" y1=\"")
                rows.append(decimal: top + 2)
                rows.append("\" y2=\"")
                rows.append(decimal: y - 2)
                rows.append("\"/>\n")
            }
        }
        // Axis: a tick a month (or a week for short roadmaps, a quarter for long ones).
        let weeksPerMonth = 52.0 / 12.0
        var axis: [UInt8] = []
        axis.reserveCapacity(2048)
        let axisY = y + 6
        let (step, unit): (Double, String) = scale <= 12 ? (1, "timeline.axis-weeks")
            : scale <= 60 ? (weeksPerMonth, "timeline.axis-months")
            : scale <= 160 ? (weeksPerMonth * 3, "timeline.axis-months") : (52, "timeline.axis-years")
        var tick = 0.0
        var count = 0
        while tick <= scale + 0.001, count < 200 {
            let x = hundredths(tick)
            axis.append("<line class=\"tl-tick\" x1=\"")
            Self.percent(hundredths: x, into: &axis)
            axis.append("\" x2=\"")
            Self.percent(hundredths: x, into: &axis)
            axis.append("\" y1=\"")
            axis.append(decimal: axisY)
            axis.append("\" y2=\"")
            axis.append(decimal: axisY + 5)
            axis.append("\"/>")
            let number = unit == "timeline.axis-months" ? Int((tick / weeksPerMonth).rounded()) : count
            let labelEvery = max(1, Int((Double(Int(scale / step)) / 8).rounded(.up)))
            if count % labelEvery == 0, tick < scale - step * 0.5 || count == 0 {
                axis.append("<text class=\"tl-axis-label\" x=\"")
                Self.percent(hundredths: x, into: &axis)
                axis.append("\" y=\"")
                axis.append(decimal: axisY + 18)
                axis.append("\">")
                axis.append(escaping: strings.text(unit, count: number))
                axis.append("</text>")
            }
            tick += step
            count += 1
        }
        let height = axisY + 24
        let title = strings.text("timeline.drawing-title", ["total": total.text(in: strings)])
        let titleID = idPrefix + "timeline-title"
        var out: [UInt8] = []
        out.reserveCapacity(rows.count + axis.count + 512)
        out.append("<svg class=\"timeline-svg\" width=\"100%\" height=\"")
        out.append(decimal: height)
        out.append("\" role=\"img\" aria-labelledby=\"")
        out.append(utf8: titleID)
        out.append("\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"")
        out.append(utf8: titleID)
        out.append("\">")
        out.append(escaping: title)
        out.append("</title>\n<line class=\"tl-axis\" x1=\"0\" x2=\"100%\" y1=\"")
        out.append(decimal: axisY)
        out.append("\" y2=\"")
        out.append(decimal: axisY)
        out.append("\"/>\n")
        out += rows
        out += axis
        out.append("\n</svg>")
        return out.utf8Text
    }

    /// A label's lines: at most `limit` characters each, so a 360-pixel screen shows them whole.
    static func lines(_ text: String, limit: Int) -> [String] {
        // Most labels fit on one line as they are: no more bytes than the limit (so no more
        // characters), and no space that splitting into words would drop.
        let utf8 = text.utf8
        if utf8.count <= limit, utf8.first != 0x20, utf8.last != 0x20, !text.contains("  ") { return [text] }
        if text.isAllASCII { return asciiLines(text, limit: limit) }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > limit {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }

    /// `lines` for ASCII text, where a character is a byte.
    private static func asciiLines(_ text: String, limit: Int) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        for word in text.utf8.split(separator: 0x20) {
            if !current.isEmpty, current.count + 1 + word.count > limit {
                lines.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
            if !current.isEmpty { current.append(0x20) }
            current += word
        }
        if !current.isEmpty { lines.append(String(decoding: current, as: UTF8.self)) }
        return lines.isEmpty ? [""] : lines
    }

    /// The label of a row: its title, its length unless the title already states it, and its
    /// overflow mark (`isModule`: a module's, else a phase's) when it has one. The mark's words
    /// are joined by no-break spaces, so that a label's lines never part them.
    func label(_ title: String, _ entry: TimelineEntry, isModule: Bool = false) -> String {
        guard let length = entry.length else { return title + " · " + strings.text("timeline.no-duration") }
        var label = title
        if let stated = entry.stated, title.contains(stated.text) {} else { label += " · " + length.text(in: strings) }
        if entry.overflow != nil {
            let mark = strings.text(isModule ? "timeline.overflow-module" : "timeline.overflow-phase")
            label += " · ⚠\u{00A0}" + mark.replacingOccurrences(of: " ", with: "\u{00A0}")
        }
        return label
    }

    /// The height of a row with this many label lines.
    static func height(lines: Int, isModule: Bool) -> Int {
        (isModule ? moduleRowHeight : rowHeight) + (lines - 1) * (isModule ? 14 : 16)
    }

    /// Appends a row; returns its height. An overflowing row (`overflowFrom` set) also draws the
    /// time from `overflowFrom` to `overflowTo` as an overflow bar.
    private func row(
        _ entry: TimelineEntry, title: String, y: Int, isModule: Bool, overflowFrom: Double?, overflowTo: Double?,
        hundredths: (Double) -> Int, into out: inout [UInt8]
    ) -> Int {
        let lines = Self.lines(label(title, entry, isModule: isModule), limit: isModule ? 44 : 38)
        let lineHeight = isModule ? 14 : 16
        let barY = y + (isModule ? 14 : 18) + (lines.count - 1) * lineHeight
        let barHeight = isModule ? 10 : 14
        out.append(isModule ? "<g class=\"tl-module" : "<g class=\"tl-phase")
        out.append(entry.overflow == nil ? "\">" : " tl-overflows\">")
        out.append(isModule ? "<text class=\"tl-label\" x=\"8\" y=\"" : "<text class=\"tl-label\" x=\"0\" y=\"")
        out.append(decimal: y + (isModule ? 10 : 14))
        out.append("\">")
        for (index, line) in lines.enumerated() {
            out.append(isModule ? "<tspan x=\"8\" dy=\"" : "<tspan x=\"0\" dy=\"")
            out.append(decimal: index == 0 ? 0 : lineHeight)
            out.append("\">")
            out.append(escaping: line)
            out.append("</tspan>")
        }
        out.append("</text>")
        if let length = entry.length {
            let solidStart = hundredths(entry.start.minWeeks)
            let solidEnd = hundredths(entry.start.minWeeks + length.minWeeks)
            let lightEnd = hundredths(entry.end.maxWeeks)
            func bar(_ opening: StaticString, width: Int) {
                out.append(opening)
                Self.percent(hundredths: solidStart, into: &out)
                out.append("\" y=\"")
                out.append(decimal: barY)
                out.append("\" width=\"")
                Self.percent(hundredths: width, into: &out)
                out.append("\" height=\"")
                out.append(decimal: barHeight)
                out.append("\" rx=\"3\"/>")
            }
            // A bar is at least 0.3% wide, so a short module still shows.
            if entry.end.maxWeeks > entry.start.minWeeks + length.minWeeks + 0.001 {
                bar("<rect class=\"tl-max\" x=\"", width: max(30, lightEnd - solidStart))
            }
            bar("<rect class=\"tl-min\" x=\"", width: max(30, solidEnd - solidStart))
            if let overflowFrom, let overflowTo, overflowTo > overflowFrom {
                let from = hundredths(overflowFrom)
                out.append("<rect class=\"tl-over\" x=\"")
                Self.percent(hundredths: from, into: &out)
                out.append("\" y=\"")
                out.append(decimal: barY)
                out.append("\" width=\"")
                Self.percent(hundredths: max(30, hundredths(overflowTo) - from), into: &out)
                out.append("\" height=\"")
                out.append(decimal: barHeight)
                out.append("\" rx=\"3\"/>")
            }
        }
        out.append("</g>\n")
        return Self.height(lines: lines.count, isModule: isModule)
    }
}
