import Foundation
import Testing

@testable import RoadmapKit

/// An expected duration: the matched text, its unit and its range in weeks.
struct ExpectedDuration: Sendable, CustomTestStringConvertible {
    var input: String
    var text: String
    var unit: DurationUnit
    var minWeeks: Double
    var maxWeeks: Double
    var isOpenEnded: Bool = false

    var testDescription: String { input }
}

private let weeksPerMonth = 52.0 / 12.0
private let tolerance = 0.005

private func close(_ lhs: Double, _ rhs: Double) -> Bool { abs(lhs - rhs) < tolerance }

@Suite("DurationParser")
struct DurationParserTests {
    let parser = DurationParser()

    // MARK: - Durations in running text

    static let durations: [ExpectedDuration] = [
        .init(input: "(4 weeks)", text: "4 weeks", unit: .week, minWeeks: 4, maxWeeks: 4),
        .init(input: "(4-5 months)", text: "4-5 months", unit: .month, minWeeks: 4 * weeksPerMonth, maxWeeks: 5 * weeksPerMonth),
        .init(input: "Plan on 4–5 months.", text: "4–5 months", unit: .month, minWeeks: 17.333, maxWeeks: 21.667),
        .init(input: "Plan on 4—5 months.", text: "4—5 months", unit: .month, minWeeks: 17.333, maxWeeks: 21.667),
        .init(input: "Plan on 4 - 5 months.", text: "4 - 5 months", unit: .month, minWeeks: 17.333, maxWeeks: 21.667),
        .init(input: "Plan on 4 – 5 months.", text: "4 – 5 months", unit: .month, minWeeks: 17.333, maxWeeks: 21.667),
        .init(input: "8 weeks", text: "8 weeks", unit: .week, minWeeks: 8, maxWeeks: 8),
        .init(input: "1 year", text: "1 year", unit: .year, minWeeks: 52, maxWeeks: 52),
        .init(input: "2+ years of experience", text: "2+ years", unit: .year, minWeeks: 104, maxWeeks: 104, isOpenEnded: true),
        .init(input: "2 years+", text: "2 years+", unit: .year, minWeeks: 104, maxWeeks: 104, isOpenEnded: true),
        .init(input: "2 or more years", text: "2 or more years", unit: .year, minWeeks: 104, maxWeeks: 104, isOpenEnded: true),
        .init(input: "6 months to 1 year", text: "6 months to 1 year", unit: .month, minWeeks: 26, maxWeeks: 52),
        .init(input: "6 months - 1 year", text: "6 months - 1 year", unit: .month, minWeeks: 26, maxWeeks: 52),
        .init(input: "3 months–1 year", text: "3 months–1 year", unit: .month, minWeeks: 13, maxWeeks: 52),
        .init(input: "6 months to a year", text: "6 months to a year", unit: .month, minWeeks: 26, maxWeeks: 52),
        .init(input: "1 year to 18 months", text: "1 year to 18 months", unit: .year, minWeeks: 52, maxWeeks: 78),
        .init(input: "4 weeks - 6 weeks", text: "4 weeks - 6 weeks", unit: .week, minWeeks: 4, maxWeeks: 6),
        .init(input: "3 to 4 weeks", text: "3 to 4 weeks", unit: .week, minWeeks: 3, maxWeeks: 4),
        .init(input: "2 or 3 weeks", text: "2 or 3 weeks", unit: .week, minWeeks: 2, maxWeeks: 3),
        .init(input: "between 2 and 3 months", text: "2 and 3 months", unit: .month, minWeeks: 8.667, maxWeeks: 13),
        .init(input: "~6 weeks", text: "6 weeks", unit: .week, minWeeks: 6, maxWeeks: 6),
        .init(input: "about 6 weeks", text: "6 weeks", unit: .week, minWeeks: 6, maxWeeks: 6),
        .init(input: "≈6 weeks", text: "6 weeks", unit: .week, minWeeks: 6, maxWeeks: 6),
        .init(input: "10 hours", text: "10 hours", unit: .hour, minWeeks: 0.25, maxWeeks: 0.25),
        .init(input: "3 days", text: "3 days", unit: .day, minWeeks: 3.0 / 7.0, maxWeeks: 3.0 / 7.0),
        .init(input: "1 Month", text: "1 Month", unit: .month, minWeeks: weeksPerMonth, maxWeeks: weeksPerMonth),
        .init(input: "1 MONTH", text: "1 MONTH", unit: .month, minWeeks: weeksPerMonth, maxWeeks: weeksPerMonth),
        .init(input: "1.5 months", text: "1.5 months", unit: .month, minWeeks: 6.5, maxWeeks: 6.5),
        .init(input: "1.5-2 years", text: "1.5-2 years", unit: .year, minWeeks: 78, maxWeeks: 104),
        .init(input: "six weeks", text: "six weeks", unit: .week, minWeeks: 6, maxWeeks: 6),
        .init(input: "Two months", text: "Two months", unit: .month, minWeeks: 8.667, maxWeeks: 8.667),
        .init(input: "twelve weeks", text: "twelve weeks", unit: .week, minWeeks: 12, maxWeeks: 12),
        .init(input: "two to three months", text: "two to three months", unit: .month, minWeeks: 8.667, maxWeeks: 13),
        .init(input: "a two-week sprint", text: "two-week", unit: .week, minWeeks: 2, maxWeeks: 2),
        .init(input: "within a year", text: "a year", unit: .year, minWeeks: 52, maxWeeks: 52),
        .init(input: "a month", text: "a month", unit: .month, minWeeks: weeksPerMonth, maxWeeks: weeksPerMonth),
        .init(input: "an hour", text: "an hour", unit: .hour, minWeeks: 0.025, maxWeeks: 0.025),
        .init(input: "half a day", text: "half a day", unit: .day, minWeeks: 0.5 / 7, maxWeeks: 0.5 / 7),
        .init(input: "4 wk", text: "4 wk", unit: .week, minWeeks: 4, maxWeeks: 4),
        .init(input: "4 wks", text: "4 wks", unit: .week, minWeeks: 4, maxWeeks: 4),
        .init(input: "6 mo", text: "6 mo", unit: .month, minWeeks: 26, maxWeeks: 26),
        .init(input: "6 mos", text: "6 mos", unit: .month, minWeeks: 26, maxWeeks: 26),
        .init(input: "3 mths", text: "3 mths", unit: .month, minWeeks: 13, maxWeeks: 13),
        .init(input: "1 yr", text: "1 yr", unit: .year, minWeeks: 52, maxWeeks: 52),
        .init(input: "2 yrs", text: "2 yrs", unit: .year, minWeeks: 104, maxWeeks: 104),
        .init(input: "10 hrs", text: "10 hrs", unit: .hour, minWeeks: 0.25, maxWeeks: 0.25),
        .init(input: "20 hr", text: "20 hr", unit: .hour, minWeeks: 0.5, maxWeeks: 0.5),
        .init(input: "1 day", text: "1 day", unit: .day, minWeeks: 1.0 / 7, maxWeeks: 1.0 / 7),
        .init(input: "1 weeks", text: "1 weeks", unit: .week, minWeeks: 1, maxWeeks: 1),
        .init(input: "2 week", text: "2 week", unit: .week, minWeeks: 2, maxWeeks: 2),
        .init(input: "a 12-week bootcamp", text: "12-week", unit: .week, minWeeks: 12, maxWeeks: 12),
        .init(input: "a 4-6-week course", text: "4-6-week", unit: .week, minWeeks: 4, maxWeeks: 6),
        .init(input: "(4weeks)", text: "4weeks", unit: .week, minWeeks: 4, maxWeeks: 4),
        .init(input: "4\u{00A0}weeks", text: "4\u{00A0}weeks", unit: .week, minWeeks: 4, maxWeeks: 4),
        .init(input: "the 10,000 hours rule", text: "10,000 hours", unit: .hour, minWeeks: 250, maxWeeks: 250),
        .init(input: "1,000,000 hours", text: "1,000,000 hours", unit: .hour, minWeeks: 25_000, maxWeeks: 25_000),
        .init(input: "**Duration**: 4 weeks", text: "4 weeks", unit: .week, minWeeks: 4, maxWeeks: 4),
        .init(input: "**8 weeks**", text: "8 weeks", unit: .week, minWeeks: 8, maxWeeks: 8),
        .init(input: "_8 weeks_", text: "8 weeks", unit: .week, minWeeks: 8, maxWeeks: 8),
        .init(input: "Duration:4 weeks", text: "4 weeks", unit: .week, minWeeks: 4, maxWeeks: 4),
        .init(input: "Phase 2 - 3 months", text: "3 months", unit: .month, minWeeks: 13, maxWeeks: 13),
        .init(input: "Python 3 - 2 weeks", text: "2 weeks", unit: .week, minWeeks: 2, maxWeeks: 2),
        .init(input: "Month 1 - 2 weeks of setup", text: "2 weeks", unit: .week, minWeeks: 2, maxWeeks: 2),
        .init(input: "Month 3: Deployment - 1 Month", text: "1 Month", unit: .month, minWeeks: weeksPerMonth, maxWeeks: weeksPerMonth),
        .init(input: "2 weeks of practice", text: "2 weeks", unit: .week, minWeeks: 2, maxWeeks: 2),
        .init(input: "6 months of experience", text: "6 months", unit: .month, minWeeks: 26, maxWeeks: 26),
        .init(input: "8 weeks to complete", text: "8 weeks", unit: .week, minWeeks: 8, maxWeeks: 8),
        .init(input: "Free for a month", text: "a month", unit: .month, minWeeks: weeksPerMonth, maxWeeks: weeksPerMonth),
        .init(input: "a year-long course", text: "a year", unit: .year, minWeeks: 52, maxWeeks: 52),
        .init(input: "a 6-week-long sprint", text: "6-week", unit: .week, minWeeks: 6, maxWeeks: 6),
        .init(input: "a 24-hour hackathon", text: "24-hour", unit: .hour, minWeeks: 0.6, maxWeeks: 0.6),
        .init(input: "May 2024 – 3 months", text: "3 months", unit: .month, minWeeks: 13, maxWeeks: 13),
        .init(input: "half an hour", text: "half an hour", unit: .hour, minWeeks: 0.0125, maxWeeks: 0.0125),
        .init(input: "1,000,000 hours", text: "1,000,000 hours", unit: .hour, minWeeks: 25_000, maxWeeks: 25_000),
        .init(input: "within 2 to 3\u{2009}weeks", text: "2 to 3\u{2009}weeks", unit: .week, minWeeks: 2, maxWeeks: 3),
    ]

    @Test("durations parse with their ranges in weeks", arguments: durations)
    func duration(_ expected: ExpectedDuration) throws {
        try expectOneMatch(expected, kind: .duration)
    }

    /// `expected.input` holds one match, of `kind`, with `expected`'s text, unit and range.
    private func expectOneMatch(_ expected: ExpectedDuration, kind: DurationKind) throws {
        let matches = parser.matches(in: expected.input)
        try #require(matches.count == 1, "\(matches.map(\.value.text))")
        let match = matches[0]
        #expect(match.kind == kind)
        #expect(match.value.text == expected.text)
        #expect(match.value.unit == expected.unit)
        #expect(close(match.value.minWeeks, expected.minWeeks), "minWeeks \(match.value.minWeeks)")
        #expect(close(match.value.maxWeeks, expected.maxWeeks), "maxWeeks \(match.value.maxWeeks)")
        #expect(match.value.isOpenEnded == expected.isOpenEnded)
        #expect(match.value.minimum <= match.value.maximum)
        #expect(close(match.value.minimum * expected.unit.lengthInWeeks, match.value.minWeeks))
        #expect(close(match.value.maximum * expected.unit.lengthInWeeks, match.value.maxWeeks))
        // The offsets name exactly the matched text.
        let range = try #require(Range(NSRange(location: match.utf16Offset, length: match.utf16Length), in: expected.input))
        #expect(String(expected.input[range]) == expected.text)
    }

    @Test("bounds are kept in the stated unit")
    func boundsInUnit() throws {
        let fourToFive = try #require(parser.matches(in: "(4-5 months)").first?.value)
        #expect(fourToFive.minimum == 4)
        #expect(fourToFive.maximum == 5)
        let twoPlus = try #require(parser.matches(in: "2+ years").first?.value)
        #expect(twoPlus.minimum == 2)
        #expect(twoPlus.maximum == 2)
        #expect(twoPlus.isOpenEnded)
        let mixed = try #require(parser.matches(in: "6 months to 1 year").first?.value)
        #expect(mixed.unit == .month)
        #expect(mixed.minimum == 6)
        #expect(mixed.maximum == 12)
    }

    @Test("unit lengths in weeks")
    func unitLengths() {
        #expect(DurationUnit.hour.lengthInWeeks == 1.0 / 40)
        #expect(DurationUnit.day.lengthInWeeks == 1.0 / 7)
        #expect(DurationUnit.week.lengthInWeeks == 1)
        #expect(DurationUnit.month.lengthInWeeks == 52.0 / 12)
        #expect(DurationUnit.year.lengthInWeeks == 52)
        let value = DurationValue(text: "4-5 months", unit: .month, minimum: 4, maximum: 5)
        #expect(close(value.minWeeks, 17.333))
        #expect(close(value.maxWeeks, 21.667))
        #expect(!value.isOpenEnded)
    }

    // MARK: - Effort

    static let efforts: [ExpectedDuration] = [
        .init(input: "6-10 hours/week", text: "6-10 hours/week", unit: .hour, minWeeks: 0.15, maxWeeks: 0.25),
        .init(input: "6–10 hours / week", text: "6–10 hours / week", unit: .hour, minWeeks: 0.15, maxWeeks: 0.25),
        .init(input: "10 hours per week", text: "10 hours per week", unit: .hour, minWeeks: 0.25, maxWeeks: 0.25),
        .init(input: "5 hrs a week", text: "5 hrs a week", unit: .hour, minWeeks: 0.125, maxWeeks: 0.125),
        .init(input: "2 hours daily", text: "2 hours daily", unit: .hour, minWeeks: 0.05, maxWeeks: 0.05),
        .init(input: "1 hour a day", text: "1 hour a day", unit: .hour, minWeeks: 0.025, maxWeeks: 0.025),
        .init(input: "10 hrs/wk", text: "10 hrs/wk", unit: .hour, minWeeks: 0.25, maxWeeks: 0.25),
        .init(input: "4 hours every day", text: "4 hours every day", unit: .hour, minWeeks: 0.1, maxWeeks: 0.1),
        .init(input: "2 hours each day", text: "2 hours each day", unit: .hour, minWeeks: 0.05, maxWeeks: 0.05),
        .init(input: "3 days a week", text: "3 days a week", unit: .day, minWeeks: 3.0 / 7, maxWeeks: 3.0 / 7),
        .init(input: "two hours a day", text: "two hours a day", unit: .hour, minWeeks: 0.05, maxWeeks: 0.05),
        .init(input: "8 hours of study per week", text: "8 hours of study per week", unit: .hour, minWeeks: 0.2, maxWeeks: 0.2),
        // Long words are words: the scanner this grammar replaced read a word of more than twelve
        // letters as none, and so missed this rate.
        .init(input: "8 hours of internationalised study per week", text: "8 hours of internationalised study per week",
              unit: .hour, minWeeks: 0.2, maxWeeks: 0.2),
        .init(input: "10+ hours weekly", text: "10+ hours weekly", unit: .hour, minWeeks: 0.25, maxWeeks: 0.25, isOpenEnded: true),
        .init(input: "1 to 2 hours a day", text: "1 to 2 hours a day", unit: .hour, minWeeks: 0.025, maxWeeks: 0.05),
    ]

    @Test("effort rates are told apart from durations", arguments: efforts)
    func effort(_ expected: ExpectedDuration) throws {
        try expectOneMatch(expected, kind: .effort)
    }

    @Test("effort and durations in one line keep their order and kinds")
    func mixedLine() {
        let text = "Phase 1 (4-5 months) at 6-10 hours/week, then 8 weeks; 1 hour a day for a month"
        let matches = parser.matches(in: text)
        #expect(matches.map(\.value.text) == ["4-5 months", "6-10 hours/week", "8 weeks", "1 hour a day", "a month"])
        #expect(matches.map(\.kind) == [.duration, .effort, .duration, .effort, .duration])
    }

    // MARK: - Near misses

    static let nearMisses: [String] = [
        "Sedgewick - Mergesort (5 videos)",
        "Python 3.11",
        "Python 3.11.4 released",
        "Top 10 tools",
        "Phase 1",
        "Phase 1: DevOps & Cloud Foundations",
        "Month 1",
        "Month 1: Foundations",
        "Week 1-4",
        "Weeks 5–8",
        "Week 1 (Day 1 - Day 5)",
        "Month 1 to Month 3",
        "Day One",
        "Year 2024",
        "Web 2.0",
        "24/7 support",
        "3D modelling",
        "2D and 3D graphics",
        "ES6 features",
        "100 days of code",
        "100 Days of Code challenge",
        "30 Days of JavaScript",
        "#100DaysOfCode",
        "1 week ago",
        "Updated 3 months ago",
        "[Learn in a hurry](https://example.com/learn-python-in-4-weeks)",
        "https://example.com/courses/4-weeks",
        "See www.example.com/4-weeks-course for details",
        "(./plans/4-weeks.md)",
        "example.com/4-weeks",
        "learn-in-4-weeks",
        "/learn/4-weeks-to-cloud",
        "4-weeks-course",
        "HTML5 and CSS3",
        "IPv4 and IPv6",
        "S3 buckets on EC2",
        "K8s",
        "4K video",
        "1:1 mentoring",
        "the 80/20 rule",
        "10x engineer",
        "99.9% uptime",
        "$49/month",
        "$39 a month",
        "€39 a month",
        "49 USD a month",
        "3 times a week",
        "once a month",
        "twice a week",
        "2x a week",
        "1st week",
        "first month",
        "A/B testing",
        "Day-to-day tasks",
        "Java 17",
        "Microsoft 365",
        "Chapter 3",
        "Step 2 of 5",
        "v1.2.3",
        "GPT-4 model",
        "A Day in the Life of a DevOps Engineer",
        "Office hours",
        "a few weeks",
        "several months",
        "Monthly review",
        "Weekly standups",
        "Hours of fun",
        "10 minutes a day",
        "Solve 2 problems a day",
        "read two chapters a week",
        "30 min a day",
        "1/2 day",
        "1,2345 weeks",
        "3.11.2 weeks",
        "see https://example.com/plan:4 weeks",
        "one-on-one",
        "Web3",
        "2FA and 5G",
        "In 2024",
        "a Month 1 project",
        "Top 10 hours-saving tips",
        "Mergesort and Quicksort",
        "Kubernetes (CKA)",
        "1. Automated ML Pipeline",
        "| Model Latency | 99% |",
        "",
        // Over a million of a unit: no span a roadmap could mean (make fuzz stopped on 117 digits).
        "99999999999999999999 years",
        "1,000,001 hours",
    ]

    @Test("near misses are not durations", arguments: nearMisses)
    func nearMiss(_ text: String) {
        let matches = parser.matches(in: text)
        #expect(matches.isEmpty, "\(matches.map(\.value.text))")
    }

    // MARK: - Offsets

    struct OffsetCase: Sendable, CustomTestStringConvertible {
        var input: String
        var text: String
        var utf16Offset: Int
        var testDescription: String { input }
    }

    static let offsets: [OffsetCase] = [
        .init(input: "(4 weeks)", text: "4 weeks", utf16Offset: 1),
        .init(input: "🚀 Phase 1 (4 weeks)", text: "4 weeks", utf16Offset: 12),
        .init(input: "👩‍💻 Study 6-10 hours/week", text: "6-10 hours/week", utf16Offset: 12),
        .init(input: "Café – 2 months", text: "2 months", utf16Offset: 7),
        .init(input: "Phase 2: 📚 Reading – about 3 weeks", text: "3 weeks", utf16Offset: 28),
    ]

    @Test("offsets point at the first character of the match in UTF-16", arguments: offsets)
    func offset(_ example: OffsetCase) throws {
        let match = try #require(parser.matches(in: example.input).first)
        #expect(match.utf16Offset == example.utf16Offset)
        #expect(match.utf16Length == example.text.utf16.count)
        let expected = try #require(example.input.range(of: example.text))
        #expect(match.utf16Offset == expected.lowerBound.utf16Offset(in: example.input))
    }

    @Test("offsets of several matches after emoji")
    func severalOffsets() {
        let text = "🎯 4 weeks, then 🔥🔥 2–3 months (5 hrs/week)"
        let matches = parser.matches(in: text)
        let utf16 = Array(text.utf16)
        let texts = matches.map { String(decoding: utf16[$0.utf16Offset..<($0.utf16Offset + $0.utf16Length)], as: UTF16.self) }
        #expect(texts == ["4 weeks", "2–3 months", "5 hrs/week"])
    }

    // MARK: - Headings

    struct HeadingCase: Sendable, CustomTestStringConvertible {
        var heading: String
        var text: String?
        var unit: DurationUnit = .week
        var minWeeks: Double = 0
        var maxWeeks: Double = 0
        var isOpenEnded = false
        var testDescription: String { heading }
    }

    /// `value` is nil when `example` states no duration, else `example`'s text, unit and range.
    private func expect(_ value: DurationValue?, toMatch example: HeadingCase) throws {
        guard let text = example.text else {
            #expect(value == nil, "\(value?.text ?? "")")
            return
        }
        let found = try #require(value)
        #expect(found.text == text)
        #expect(found.unit == example.unit)
        #expect(close(found.minWeeks, example.minWeeks), "minWeeks \(found.minWeeks)")
        #expect(close(found.maxWeeks, example.maxWeeks), "maxWeeks \(found.maxWeeks)")
        #expect(found.isOpenEnded == example.isOpenEnded)
    }

    static let headings: [HeadingCase] = [
        .init(heading: "Phase 1: DevOps & Cloud Foundations (4-5 months)", text: "4-5 months", unit: .month, minWeeks: 17.333, maxWeeks: 21.667),
        .init(heading: "Phase 2: ML Systems & Operations (5-6 months)", text: "5-6 months", unit: .month, minWeeks: 21.667, maxWeeks: 26),
        .init(heading: "DevOps Essentials (8 weeks)", text: "8 weeks", minWeeks: 8, maxWeeks: 8),
        .init(heading: "Foundation Phase (4 weeks)", text: "4 weeks", minWeeks: 4, maxWeeks: 4),
        .init(heading: "ML Pipeline Development (12 weeks)", text: "12 weeks", minWeeks: 12, maxWeeks: 12),
        .init(heading: "Month 3: Deployment - 1 Month", text: "1 Month", unit: .month, minWeeks: 4.333, maxWeeks: 4.333),
        .init(heading: "Week 1 (Day 1 - Day 5)", text: "Day 1 - Day 5", unit: .day, minWeeks: 5.0 / 7, maxWeeks: 5.0 / 7),
        .init(heading: "Foundations (Weeks 1–4)", text: "Weeks 1–4", minWeeks: 4, maxWeeks: 4),
        .init(heading: "Cloud Platforms: 8 weeks", text: "8 weeks", minWeeks: 8, maxWeeks: 8),
        .init(heading: "DevOps Essentials — 8 Weeks", text: "8 Weeks", minWeeks: 8, maxWeeks: 8),
        .init(heading: "DevOps Essentials | 2-3 months", text: "2-3 months", unit: .month, minWeeks: 8.667, maxWeeks: 13),
        .init(heading: "Kubernetes - about 6 weeks", text: "6 weeks", minWeeks: 6, maxWeeks: 6),
        .init(heading: "Kubernetes - approx. 6 weeks", text: "6 weeks", minWeeks: 6, maxWeeks: 6),
        .init(heading: "Kubernetes: ~6 weeks", text: "6 weeks", minWeeks: 6, maxWeeks: 6),
        .init(heading: "Kubernetes - **6 weeks**", text: "6 weeks", minWeeks: 6, maxWeeks: 6),
        .init(heading: "Phase 2 (~6 weeks)", text: "6 weeks", minWeeks: 6, maxWeeks: 6),
        .init(heading: "Phase 2 (about six weeks)", text: "six weeks", minWeeks: 6, maxWeeks: 6),
        .init(heading: "Phase 1 (4 weeks, 5 hrs/week)", text: "4 weeks", minWeeks: 4, maxWeeks: 4),
        .init(heading: "Phase 1 (5 hrs/week) - 4 weeks", text: "4 weeks", minWeeks: 4, maxWeeks: 4),
        .init(heading: "Advanced Track (6 months to 1 year)", text: "6 months to 1 year", unit: .month, minWeeks: 26, maxWeeks: 52),
        .init(heading: "Career Growth (2+ years)", text: "2+ years", unit: .year, minWeeks: 104, maxWeeks: 104, isOpenEnded: true),
        .init(heading: "🚀 Launch (2 weeks)", text: "2 weeks", minWeeks: 2, maxWeeks: 2),
        .init(heading: "8 Weeks", text: "8 Weeks", minWeeks: 8, maxWeeks: 8),
        .init(heading: "Phase 1 [4 weeks]", text: "4 weeks", minWeeks: 4, maxWeeks: 4),
        .init(heading: "Module 2: Kubernetes (est. 3 weeks)", text: "3 weeks", minWeeks: 3, maxWeeks: 3),
        .init(heading: "Module 2: Kubernetes - est. 3 weeks", text: "3 weeks", minWeeks: 3, maxWeeks: 3),
        .init(heading: "Module 2 (Free, 3 weeks)", text: "3 weeks", minWeeks: 3, maxWeeks: 3),
        .init(heading: "Part 2 (Days 6-10)", text: "Days 6-10", unit: .day, minWeeks: 5.0 / 7, maxWeeks: 5.0 / 7),
        .init(heading: "Sprint 1 (2 weeks): Setup", text: "2 weeks", minWeeks: 2, maxWeeks: 2),
        .init(heading: "Kubernetes: ≈6 weeks", text: "6 weeks", minWeeks: 6, maxWeeks: 6),
        .init(heading: "Kubernetes - approximately 6 weeks", text: "6 weeks", minWeeks: 6, maxWeeks: 6),
        .init(heading: "Kubernetes – 6 weeks.", text: "6 weeks", minWeeks: 6, maxWeeks: 6),
        .init(heading: "进阶（3～4周）", text: "3～4周", minWeeks: 3, maxWeeks: 4),
        .init(heading: "进阶（3至4周）", text: "3至4周", minWeeks: 3, maxWeeks: 4),
        .init(heading: "进阶 (约 3 周)", text: "3 周", minWeeks: 3, maxWeeks: 3),
        .init(heading: "经验（2年以上）", text: "2年", unit: .year, minWeeks: 104, maxWeeks: 104),
        .init(heading: "项目（3+个月）", text: "3+个月", unit: .month, minWeeks: 13, maxWeeks: 13, isOpenEnded: true),
        // No stated duration.
        .init(heading: "Study Plan (6-10 hours/week)", text: nil),
        .init(heading: "Sedgewick - Mergesort (5 videos)", text: nil),
        .init(heading: "Month 1", text: nil),
        .init(heading: "Weeks 5–8", text: nil),
        .init(heading: "Capstone (Week 12)", text: nil),
        .init(heading: "Learn Docker in 2 weeks", text: nil),
        .init(heading: "Python 3.11 (Free)", text: nil),
        .init(heading: "Phase 1: DevOps & Cloud Foundations", text: nil),
        .init(heading: "Top 10 Tools - Web 2.0", text: nil),
        .init(heading: "12 Weeks to Cloud", text: nil),
        .init(heading: "100 Days of Code", text: nil),
        .init(heading: "Core Competencies", text: nil),
        .init(heading: "Senior Engineer (5+ years experience)", text: nil),
        .init(heading: "Junior Engineer (0–2 years of experience)", text: nil),
        .init(heading: "Week 3-4: Docker (10 hrs/week)", text: nil),
        .init(heading: "Resources (Top 10)", text: nil),
        .init(heading: "Senior Engineer (3 yrs exp)", text: nil),
        .init(heading: "Kubernetes ‒ 6 weeks", text: nil),
        .init(heading: "回顾（12年）", text: nil),
        .init(heading: "Phase 0: Cloud Basics (1 " + String(repeating: "7", count: 117) + " month)", text: nil),
    ]

    @Test("heading durations", arguments: headings)
    func heading(_ example: HeadingCase) throws {
        try expect(parser.headingDuration(example.heading), toMatch: example)
    }

    // MARK: - Period headings

    static let periods: [HeadingCase] = [
        .init(heading: "Month 1", text: "Month 1", unit: .month, minWeeks: 4.333, maxWeeks: 4.333),
        .init(heading: "Week 2", text: "Week 2", minWeeks: 1, maxWeeks: 1),
        .init(heading: "Day 3", text: "Day 3", unit: .day, minWeeks: 1.0 / 7, maxWeeks: 1.0 / 7),
        .init(heading: "Year 1", text: "Year 1", unit: .year, minWeeks: 52, maxWeeks: 52),
        .init(heading: "Month 1-2", text: "Month 1-2", unit: .month, minWeeks: 8.667, maxWeeks: 8.667),
        .init(heading: "Weeks 3–4", text: "Weeks 3–4", minWeeks: 2, maxWeeks: 2),
        .init(heading: "Week 1-4", text: "Week 1-4", minWeeks: 4, maxWeeks: 4),
        .init(heading: "Weeks 5–8", text: "Weeks 5–8", minWeeks: 4, maxWeeks: 4),
        .init(heading: "Day 1 - Day 5", text: "Day 1 - Day 5", unit: .day, minWeeks: 5.0 / 7, maxWeeks: 5.0 / 7),
        .init(heading: "Months 1 to 3: Foundations", text: "Months 1 to 3", unit: .month, minWeeks: 13, maxWeeks: 13),
        .init(heading: "Month 1 - Month 3", text: "Month 1 - Month 3", unit: .month, minWeeks: 13, maxWeeks: 13),
        .init(heading: "Week One", text: "Week One", minWeeks: 1, maxWeeks: 1),
        .init(heading: "Week1", text: "Week1", minWeeks: 1, maxWeeks: 1),
        .init(heading: "📅 Week 1: Setup", text: "Week 1", minWeeks: 1, maxWeeks: 1),
        .init(heading: "**Month 2**: Data", text: "Month 2", unit: .month, minWeeks: 4.333, maxWeeks: 4.333),
        .init(heading: "Week 1 (Day 1 - Day 5)", text: "Week 1", minWeeks: 1, maxWeeks: 1),
        .init(heading: "Month 3: Deployment - 1 Month", text: "Month 3", unit: .month, minWeeks: 4.333, maxWeeks: 4.333),
        .init(heading: "Foundations (Months 1–3)", text: "Months 1–3", unit: .month, minWeeks: 13, maxWeeks: 13),
        .init(heading: "Phase 1 - Weeks 1-6", text: "Weeks 1-6", minWeeks: 6, maxWeeks: 6),
        .init(heading: "第1-2个月：基础", text: "第1-2个月", unit: .month, minWeeks: 8.667, maxWeeks: 8.667),
        .init(heading: "**第 3 周**", text: "第 3 周", minWeeks: 1, maxWeeks: 1),
        // Not a period heading.
        .init(heading: "Phase 1", text: nil),
        .init(heading: "Monthly review", text: nil),
        .init(heading: "Week", text: nil),
        .init(heading: "Weeks of practice", text: nil),
        .init(heading: "8 weeks", text: nil),
        .init(heading: "Top 10 tools", text: nil),
        .init(heading: "Day-to-day work", text: nil),
        .init(heading: "DevOps Essentials (8 weeks)", text: nil),
        .init(heading: "Week 1.5", text: nil),
        .init(heading: "第1.5周", text: nil),
    ]

    @Test("period headings", arguments: periods)
    func period(_ example: HeadingCase) throws {
        try expect(parser.periodDuration(example.heading), toMatch: example)
    }

    @Test("a reversed period range is not a span")
    func reversedPeriod() throws {
        let value = try #require(parser.periodDuration("Weeks 4–2"))
        #expect(value.text == "Weeks 4")
        #expect(value.minWeeks == 1)
    }

    // MARK: - Labelled lines

    static let labelled: [HeadingCase] = [
        .init(heading: "Duration: 4 weeks", text: "4 weeks", minWeeks: 4, maxWeeks: 4),
        .init(heading: "**Duration**: 4 weeks", text: "4 weeks", minWeeks: 4, maxWeeks: 4),
        .init(heading: "- **Duration**: 4 weeks", text: "4 weeks", minWeeks: 4, maxWeeks: 4),
        .init(heading: "**Duration:** 4 weeks", text: "4 weeks", minWeeks: 4, maxWeeks: 4),
        .init(heading: "Time: 2-3 months", text: "2-3 months", unit: .month, minWeeks: 8.667, maxWeeks: 13),
        .init(heading: "Timeline: 6 months to 1 year", text: "6 months to 1 year", unit: .month, minWeeks: 26, maxWeeks: 52),
        .init(heading: "Estimated Time: ~6 weeks", text: "6 weeks", minWeeks: 6, maxWeeks: 6),
        .init(heading: "Time to complete: about 10 hours", text: "10 hours", unit: .hour, minWeeks: 0.25, maxWeeks: 0.25),
        .init(heading: "Timeline: Weeks 1-4", text: "Weeks 1-4", minWeeks: 4, maxWeeks: 4),
        .init(heading: "Duration: 8 weeks (10 hours/week)", text: "8 weeks", minWeeks: 8, maxWeeks: 8),
        .init(heading: "Duration: 10 hours/week for 8 weeks", text: "8 weeks", minWeeks: 8, maxWeeks: 8),
        .init(heading: "Duration: Self-paced, about 4 weeks", text: "4 weeks", minWeeks: 4, maxWeeks: 4),
        .init(heading: "Duration: six weeks", text: "six weeks", minWeeks: 6, maxWeeks: 6),
        .init(heading: "Duration: 4 weeks\nof Docker", text: "4 weeks", minWeeks: 4, maxWeeks: 4),
        // The label's colon must stand within the line's first 60 bytes; each ⏱️ is 6 bytes.
        .init(heading: "⏱️ Duration: 4 weeks", text: "4 weeks", minWeeks: 4, maxWeeks: 4),
        // Not a labelled duration.
        .init(heading: "Time Commitment: 10 hours/week", text: nil),
        .init(heading: "Duration: Self-paced", text: nil),
        .init(heading: "Platform: Coursera", text: nil),
        .init(heading: "Topics: 4 weeks of Docker", text: nil),
        .init(heading: "Cost: $49/month", text: nil),
        .init(heading: "Duration 4 weeks", text: nil),
        .init(heading: "Course: [Docker Mastery](https://example.com/docker-in-4-weeks) (Free)", text: nil),
        .init(heading: "Timeline: Month 1", text: nil),
        .init(heading: "⏱️⏱️⏱️⏱️⏱️⏱️⏱️⏱️⏱️⏱️ Duration: 4 weeks", text: nil),
        .init(heading: "Duration/Cost: 4 weeks", text: nil),
    ]

    @Test("labelled duration lines", arguments: labelled)
    func labelledLine(_ example: HeadingCase) throws {
        try expect(parser.labelledDuration(example.heading), toMatch: example)
    }

    // MARK: - Whole document

    @Test("the seed roadmap's durations, and nothing else")
    func seedDocument() {
        let document = """
            ## Learning Roadmap

            ### Foundation Phase (4 weeks)

            #### AI for Everyone by Andrew Ng
            - **Platform**: [Coursera](https://www.coursera.org/learn/ai-for-everyone)
            - **Duration**: 4 weeks

            ### Phase 1: DevOps & Cloud Foundations (4-5 months)

            #### DevOps Essentials (8 weeks)
            - **Container Technologies**
              - Course: [Docker Mastery](https://www.freecodecamp.org/news/docker-simplified-96639a35ff36/) (Free)
            1. Automated ML Pipeline
            2. Container Orchestration
            | Model Latency | 42% |
            - [AWS Machine Learning Specialty](https://aws.amazon.com/certification/certified-machine-learning-specialty/)
            """
        let texts = parser.matches(in: document).map(\.value.text)
        #expect(texts == ["4 weeks", "4 weeks", "4-5 months", "8 weeks"])
    }

    @Test("value types are Codable and round-trip")
    func codable() throws {
        let value = try #require(parser.matches(in: "6 months to 1 year").first?.value)
        let data = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(DurationValue.self, from: data) == value)
    }
}
