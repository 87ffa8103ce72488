// Generated from Templates/strings/en.yml (the two must stay the same, which
// InterfaceStringsTests checks): the English the generator falls back on for a key a language
// file lacks, and uses for a templates folder without strings/.

/// The English interface strings built into the generator.
enum BuiltInStrings {
    /// The file the built-in strings stand for, as messages name it.
    static let file = "(built-in) strings/en.yml"

    static let english = #"""
# The site's interface strings in English: every text the pages, the generator and the scripts
# show that is not the roadmaps' own. `language` in site.yml chooses the file (`zh` reads zh.yml;
# `es-MX` reads es-MX.yml, else es.yml); a key a file lacks is taken from English, with a warning.
#
# Templates show a string with {{t.group.key}}. `{name}` is a value filled in where the string
# is shown: in a template, the key of that name in the view at that place (so keep the names as
# they are); in the generator and the scripts, the values listed beside the key. A string whose
# wording depends on a number has a form for each plural category of the language (`one`,
# `other` in English; only `other` in Chinese), chosen by its first number.

# The site's title and description when site.yml gives none.
site:
  title: Career Roadmaps
  description: Learning roadmaps, phase by phase.

page:
  skip-link: Skip to content
  # The not-found page.
  not-found: Page not found
  not-found-lead: "There is no page at this address. These roadmaps are on this site:"
  not-found-home: Go to the home page

header:
  nav-label: Site
  roadmaps: Roadmaps
  search-label: Search
  search-placeholder: "Search  /"
  search-results: Search results
  dark-theme: Dark theme

footer:
  # {site.generator}: the generator's name.
  built-with: "Built with {site.generator}."

home:
  folders: Folders
  all-resources: Every course, book and tool on this site
  empty: "No roadmaps yet: add a Markdown file to the content folder and build again."

# What a roadmap card and a roadmap's header say of it.
facts:
  phases:
    one: "{count} phase"
    other: "{count} phases"
  modules:
    one: "{count} module"
    other: "{count} modules"
  topics:
    one: "{count} topic"
    other: "{count} topics"
  subtopics:
    one: "{count} subtopic"
    other: "{count} subtopics"

# Lengths of time: a phase's, a module's, a roadmap's.
duration:
  hours:
    one: "{count} hour"
    other: "{count} hours"
  hours-range: "{low}–{count} hours"
  days:
    one: "{count} day"
    other: "{count} days"
  weeks:
    one: "{count} week"
    other: "{count} weeks"
  months:
    one: "{count} month"
    other: "{count} months"
  years:
    one: "{count} year"
    other: "{count} years"
  # From {low} to {count}.
  days-range: "{low}–{count} days"
  weeks-range: "{low}–{count} weeks"
  months-range: "{low}–{count} months"
  years-range: "{low}–{count} years"

roadmap:
  toc-label: Table of contents
  contents: Contents
  phase-overview: Phases at a glance
  anchor-link: Link to this section
  task-done: done
  task-not-done: not done
  # {number}: the footnote's number.
  footnote-back: "Back to reference {number}"
  # A remote image is shown as a link with its alt text, or this when it has none.
  image: image
  timeline-link: Timeline in detail
  timeline-link-note: ": every module, with a table."
  resources-link: "Resources ({resourceCount})"

panel:
  title: Your progress and study plan
  progress-empty: "Progress: nothing marked yet"
  hint: "Press an item's mark to go from not started to learning to done; Shift+click or S skips it. Progress stays in this browser: export it or copy a link to keep or share it."
  export: Export progress
  import: Import progress
  plan: Study plan
  start-date: Start date
  hours: Hours per week
  hours-hint: Durations assume about 10 hours a week.
  calendar: Download calendar (.ics)
  clear-plan: Clear plan
  copy-link: "Copy progress link"
  link-label: "Progress link"
  open-all: "Open all modules"
  fold-all: "Fold all modules"
  offer-title: "Shared progress"
  offer-import: "Import"
  offer-dismiss: "Dismiss"

# The drawing of a roadmap.sh roadmap.
graph:
  topic: Topic
  subtopic: Subtopic
  caption: "The roadmap drawn: {topicCount} topics, each a link to its section below."
  caption-subtopics: "The roadmap drawn: {topicCount} topics and {subtopicCount} subtopics, each a link to its section below."
  scroll-hint: Scroll the drawing sideways to see all of it.
  phase: "Phase"
  module: "Module"
  outline-caption: "The roadmap drawn: its phases in order down the path, each a link to its section below."
  outline-caption-modules: "The roadmap drawn: its phases in order down the path, each with its modules, each a link to its section below."
  outline-caption-topics: "The roadmap drawn: its phases in order down the path, each with its modules and their topics, each a link to its section below."
  outline-scroll-hint: "Scroll the drawing sideways to see the topics."

timeline:
  # {roadmap}: the roadmap's title.
  page-title: "Timeline · {roadmap}"
  description: "How long each phase and module of {roadmap} takes."
  breadcrumb: Timeline
  heading: "Timeline: {roadmapTitle}"
  lead: "Phases run one after another, modules one after another within their phase: {total} in all."
  lead-empty: This roadmap states no durations, so there is no timeline to draw.
  legend-min: "solid: the shortest stated length"
  legend-max: "light: up to the longest"
  table-note: Each phase and module with its stated length; starts and ends are counted from the start of the roadmap.
  table-caption: Phases and modules
  column-item: Phase or module
  column-length: Length
  column-starts: Starts
  column-ends: Ends
  column-dates: Your dates
  not-stated: not stated
  summed: " (sum of modules)"
  at-start: at the start
  after-start: "after {start}"
  after-end: "after {end}"
  resources-link: Resources of this roadmap
  back: Back to the roadmap
  # The drawing's title; {total}: the roadmap's length.
  drawing-title: "Timeline: {total} in all"
  no-duration: no duration stated
  # The axis' marks: weeks, months, years from the start.
  axis-weeks: "{count}w"
  axis-months: "{count}m"
  axis-years: "{count}y"
  stated: "stated: {stated}"
  overflow-module: "overflows its phase"
  overflow-phase: "its modules overflow it"
  legend-over: "dark: past the end of its phase"
  overflow-note: "The modules of '{phase}' add up to {sum}, more than the phase's '{stated}' ({statedWeeks})."

resources:
  title: Resources
  # {roadmap}: the roadmap's title.
  roadmap-title: "Resources · {roadmap}"
  lead-site: Every course, book, tool and link the roadmaps on this site point to, with where each is used.
  lead-roadmap: Every course, book, tool and link this roadmap points to, with where each is used.
  all-on-site: all resources on this site
  filter: Filter
  filter-placeholder: Title, author or provider
  kind: Kind
  cost: Cost
  count:
    one: "{count} resource"
    other: "{count} resources"
  none: No resources found.
  # A resource whose provider is not known is listed under this.
  other-provider: Other
  by-author: "by {author}"
  used-in: Used in
  more-uses:
    one: "{moreUses} more use elsewhere on the site"
    other: "{moreUses} more uses elsewhere on the site"
  badge-title: "{title} in the resource index"
  filter-scope: "The filter looks through this page; the search box looks through every page."
  unlisted-uses: "and {unlistedUses} more, all listed in"

# One resource kind, as a badge names it; then a group of them, as a heading does.
resource-kind:
  course: course
  certification: certification
  book: book
  paper: paper
  tool: tool
  repository: repository
  community: community
  documentation: documentation
  article: article
  video: video
  link: link
resource-kinds:
  course: Courses
  certification: Certifications
  book: Books
  paper: Papers
  tool: Tools
  repository: Code repositories
  community: Communities
  documentation: Documentation
  article: Articles
  video: Videos
  link: Other links
resource-cost:
  free: Free
  free-to-audit: Free to audit
  paid: Paid
  unknown: Cost not stated

# The links a roadmap page adds under skills, tools, projects and headings.
xref:
  also-in: Also in
  more-roadmaps:
    one: "{more} more roadmap"
    other: "{more} more roadmaps"
  grows-from: Grows from
  referenced-from: Referenced from
  see: See
  taught-in: Taught in
  practised-in: Practised in
  not-taught: Not taught in any module (check the roadmap)
  # Why a place points to a phase or module (resources say their kind).
  kind-skill: skill
  kind-mention: mention
  kind-project: portfolio project

matrix:
  title: Skills coverage
  skill: Skill
  projects: Projects
  taught-nowhere: taught nowhere
  taught: taught
  note: Columns are the phases in order; “taught nowhere” marks a skill no module teaches.

series:
  position: "{folderTitle} · {position} of {count}"
  previous: Previous
  next: Next

search:
  title: Search
  label: Search the roadmaps
  button: Search
  filter: Show results from
  pages: Result pages
  previous: Previous
  next: Next
  browse: Everything on this site
  empty: No roadmaps yet.
  # A skill's entry in search results; {modules}: the modules that teach it.
  taught-in: "Taught in {modules}"

# The scripts' strings (site.js, search.js, resources.js), given to them in each page.
script:
  status-none: Not started
  status-learning: Learning
  status-done: Done
  status-skipped: Skipped
  # {title}: the item's title.
  status-of: "Status of {title}"
  # {done}, {total}, {percent}: how many items are done, of how many, in percent.
  progress: "{done} of {total} done ({percent}%)"
  progress-learning: ", {count} learning"
  progress-skipped: ", {count} skipped"
  progress-overall: "Progress: {progress}"
  home-progress: "Your progress: {done} done"
  home-progress-learning: ", {count} learning"
  # {file}: the file's name.
  exported: "Progress exported to {file}."
  not-an-export: That file is not a progress export from this site.
  imported:
    one: "Imported {count} entry."
    other: "Imported {count} entries."
  # {roadmap}: the roadmap's address the file is for.
  imported-other:
    one: "Imported {count} entry for the roadmap '{roadmap}'."
    other: "Imported {count} entries for the roadmap '{roadmap}'."
  # {dates}: the phase's dates.
  estimated: "{dates} (estimated)"
  calendar-saved: "Calendar saved as {file}."
  plan-cleared: Study plan cleared.
  # Search. {query}: what the reader typed.
  all-results: "All results for “{query}”"
  no-matches: "No matches for “{query}”"
  all-roadmaps: "All roadmaps ({count})"
  # A roadmap in the results' filter: {roadmap}, with its {count} results.
  filter-option: "{roadmap} ({count})"
  results:
    one: "{count} result for “{query}”"
    other: "{count} results for “{query}”"
  # {roadmap}: the roadmap the results are filtered to.
  results-in:
    one: "{count} result for “{query}” in {roadmap}"
    other: "{count} results for “{query}” in {roadmap}"
  no-results: "No results for “{query}”. Every word must match; try fewer words."
  page: "Page {page} of {pages}"
  search-failed: "Search could not load: {error}"
  used-in: "used in {count}"
  kind-roadmap: roadmap
  kind-phase: phase
  kind-module: module
  kind-topic: topic
  kind-skill: skill
  kind-project: project
  kind-resource: resource
  kind-section: section
  # resources.js: how many resources the filter shows.
  resources-shown:
    one: "{count} resource"
    other: "{count} resources"
  item-status: "{item}: {status}"
  link-copied: "Link copied. Anyone who opens it is offered your progress to import."
  link-copy-by-hand: "The link could not be copied for you: it is selected above, copy it from there."
  link-offer: "This link holds progress on this roadmap: {summary}. Importing merges it with yours: each item in the link takes the link's state, every other item keeps yours."
  link-plan: "a study plan from {date}"
  link-unreadable: "This progress link cannot be read (it may be cut short or from another site), so nothing was imported."
  link-other-roadmap: "This progress link is for another roadmap ({slug}), so nothing was imported."
  link-count-done: "{count} done"
  link-count-learning: "{count} learning"
  link-count-skipped: "{count} skipped"
  list-separator: ", "

# Links between the pages of a long list (the site's resource index, the home page).
pager:
  label: "Pages"
  label-end: "Pages, after the list"
  place: "Page {number} of {pageCount} · {total} in all"
  previous: "Previous"
  next: "Next"
  page-title: "{title} · page {number} of {pageCount}"
"""#
}
