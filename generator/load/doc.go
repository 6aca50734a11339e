// Package load reads a kpisite site from an fs.FS into model values,
// file by file, and reports every problem it finds at its file, line and
// column: "data/values/2022.csv:14:27: column "value": "4l2" is not a
// number; expected a number such as 1234, 1,234 or 65%". It never panics
// and never stops at the first problem; Site returns as much of the
// model.Input as it could read together with every problem, sorted.
// Rules that need several kinds of file at once (an indicator's service
// exists, commentary names an indicator) belong to package validate.
//
// Positions are relative to the site root with forward slashes. Lines and
// columns count from 1; columns count characters, not bytes, and a
// byte-order mark is not a column. A problem with a whole file has no
// line; a missing key is reported where its table starts.
//
// # Limits
//
// Files larger than MaxTOMLBytes, MaxCSVBytes or MaxMarkdownBytes are
// reported and not read; TOML nested deeper than MaxTOMLDepth is reported
// at the place it gets too deep, before decoding; CSV cells longer than
// MaxCellChars and notes longer than MaxNoteChars are errors. TOML files
// must be UTF-8. A file that cannot be read at all is reported once: an
// unreadable site.toml sets Site.Unread, and the ids an unreadable
// indicator file seems to define are in Input.UnreadIndicators, so that
// values rows naming them are counted in one warning per values file
// instead of one error a row. FILL IN placeholders left by kpisite new
// get one warning per file.
//
// # site.toml (SPEC 3.1)
//
// Required; a missing site.toml is an error. Keys: title and organisation
// (required), base_url, language, theme, licence, financial_year_start,
// contact, unsafe_html, png_charts, notice (kpisite: a banner on every
// page), [reporting] current_period, published, next_update, [rag]
// amber_tolerance, [[committee]] id, name and [[service]] id, name,
// committee. Defaults:
//
//	base_url              "/" (with a warning); always made to end in "/"
//	language              "en-GB"
//	theme                 "default"
//	licence               "Open Government Licence v3.0"
//	financial_year_start  4 (April)
//	amber_tolerance       0.05
//
// base_url is an absolute http or https URL or a path starting with "/",
// with no query or fragment. language has the shape of a BCP 47 tag.
// financial_year_start is 1 to 12, amber_tolerance 0 to 1. published and
// next_update are TOML dates (2022-07-21; a date-time keeps its date) or
// strings holding an ISO date ("2022-07-21"). current_period is kept as
// written and checked by validate. Committee and service ids are slugs
// ([a-z0-9][a-z0-9-]*), unique among committees and among services; a
// service's committee must be a committee id.
//
// # data/indicators/*.toml (SPEC 3.2, 3.3)
//
// Any number of files, each with [[indicator]] tables; a file with none
// gets a warning, and so does a site with no files. Keys: id, title,
// service, frequency, unit, polarity (all required), short_title,
// rate_per, decimals, measure, target, baseline, definition, rationale,
// source, lead, legacy_id (a string, or a whole number), status, retired,
// replaced_by (a list of ids, or one id as a string), suppress_below,
// compare, forecast (true or false; SPEC 3.8), and the kpisite additions outcome ("retained", "replaced" or
// "removed") and noun (the plural noun of summary sentences, such as
// "referrals"). Enumerations are spelled exactly as in SPEC 3.2. Defaults:
//
//	decimals   1 for unit "percent", else 0 (0 to 6 allowed)
//	measure    "period"
//	status     "active"
//	compare    "previous_year" (for annual indicators that is the previous period)
//	rate_per   100000 for unit "rate" (a warning if set for another unit)
//	outcome    for a retired indicator: "replaced" if replaced_by is set, else "removed"
//
// target is a table, inline or not, with kind "fixed" (value required),
// "reference" (period required: a financial year, "2019/20" or
// "2019-20", stored as an annual Period), "previous_year",
// "rolling_average" (years of at least 1) or "none"; tolerance, a
// fraction from 0 to 1, goes with any kind, and value, period and years
// only with their kind. baseline is { value, period, note }, period kept
// as written. retired is a period of the indicator's frequency;
// suppress_below is a whole number of at least 0. Ids are slugs; an id
// repeated in any file is reported at the second, naming the first, and
// the second is dropped. Indicators come back sorted by id, with Pos at
// their [[indicator]] line and FieldPos holding the position of every key
// written ("target.kind" for keys of the target).
//
// Every key of every table is checked: an unknown key, or a known key in
// the wrong case ("Title"), is an error with a "did you mean" when one is
// close. Files are decoded into maps, not structs, because decoding into
// a struct stops at the first wrong type, matches keys case-insensitively
// and, ranging over a map, reports a different first error each run.
// TOML syntax errors are reported at the line and column the parser gives
// (worked out again from its byte offset, which is the reliable part).
//
// # data/values/*.csv (SPEC 3.4, 3.5)
//
// UTF-8 with or without a byte-order mark (other encodings are reported
// at their first bad character, and UTF-16 at its first NUL byte, with how
// to save as UTF-8 from Excel or LibreOffice), LF or CRLF, RFC 4180 quoting. Blank lines and rows of
// empty cells are skipped. Every row whose number of cells differs from
// the header's, and every quoting error, is reported at its line and left
// out. Files with other extensions in data/values/ get a warning.
//
// The header is required. Columns are matched by name ignoring case and
// surrounding spaces (and with spaces or hyphens inside read as "_"), in
// any order; unknown, unnamed and repeated columns are errors, with a
// "did you mean". Long format columns: indicator, period, value,
// numerator, denominator, target, flag, note; indicator and period are
// required, and value too unless numerator and denominator both are.
// Wide format: a header of indicator followed by periods, detected when
// the first column is indicator and any other header cell is a period
// (the others are then reported as not periods).
//
// Numbers (ParseNumber) may have thousands separators in groups of three
// ("1,234"), a leading minus (or U+2212), a pound sign ("£1,234") or a
// trailing percent sign ("65%" is 65); never NaN, infinities, hex,
// exponents or "+". A flag is one of p r e u c x z in either case, with or
// without brackets ("P", "[p]"). A row's value may be empty only with a
// flag that explains it (c, x, z) or when numerator and denominator are
// both given, and then value = 100 × numerator / denominator. When value
// and both are given, value must agree with 100 × numerator / denominator
// rounded to the decimals the value is written with, to within 0.05. One
// of numerator and denominator without the other is an error; the
// denominator must be above 0. A percent sign on a figure of an indicator
// that is not a percentage, or a pound sign on one that is not money, gets
// a warning (the sign is ignored). A value flagged x or z gets a warning; a
// value flagged c is kept (kpi withholds it). A missing value stays
// model.None, never 0.
//
// The indicator must be defined (else an error with "did you mean"), and
// the period must be a period of its frequency in any spelling of SPEC
// 3.5. In wide format an empty cell is no observation; a cell holds a
// number, a number and a flag ("412 [p]", "412[p]") or a flag that
// explains a missing value ("[c]"); Observation.Pos has the cell's line
// and column (in long format, the row's line). The same indicator and
// period given twice, in any files, is reported at the second, naming the
// first. A row with any problem is left out.
//
// # data/values/*.xlsx (SPEC 3.9)
//
// Workbooks are read with excelize (ReadWorkbook), never written. Every
// worksheet is a values table of its own, long or wide by its header row,
// read by the same code as a CSV file (valuesTable); sheets whose names
// start with "_" are skipped. Positions carry the sheet
// (model.Position.Sheet) and print as "kpis.xlsx:Q1 returns!C7". Cells
// keep their typed values: numbers to 15 significant digits, percentage
// formats times 100, dates by their format (a month format is "2022-04"),
// formulas as their saved result (none: an error); a cell showing an
// Excel error (#DIV/0!, #N/A, ...) is an error suggesting flag x, and its
// row is left out of a long sheet (only the cell, of a wide one). A
// workbook is at most MaxWorkbookBytes on disk and MaxWorkbookUnzipped
// unzipped, and a sheet at most MaxWorkbookWork cell look-ups. Excel's
// lock files (~$name.xlsx) are skipped with a warning.
//
// # data/actions/*.csv (SPEC 3.7)
//
// Rows are decoded by gocsv into typed records (actionRecord) after the
// header has been checked by Header.Match; each cell gocsv refuses is
// reported at its own line and column.
//
// Optional folder; same CSV and header rules. Columns ref, action,
// committee, milestone, lead, success_criteria, status are required and
// must not be empty; baseline, update and updated may be left out or
// empty. status is one of not started, in progress, complete, paused,
// overdue, in any case and spacing. milestone is kept as written;
// MilestoneDate is set for "2022-07-31", "31 July 2022", "31 Jul 2022" or
// a month ("Nov 2022", "November 2022", "2022-11", meaning its last day),
// and zero for free text. updated is such a date or empty. A ref is
// unique within its tracker. The tracker is the file name without .csv,
// which must be a slug. Committees are checked by validate.
//
// # content/ (SPEC 3.6)
//
// See Content for which file goes where. Hidden files are skipped; any
// other file or folder in content/indicators/, content/services/ or
// content/commentary/ is an error, as is a Markdown file in any other
// folder (it would not be published); other files (images) elsewhere are
// ignored. Page names and ids are slugs. Front matter is optional TOML
// between +++ lines at the very start of the file (SplitFrontMatter), with
// keys title, author, date (a TOML date or "2022-07-21") and draft;
// unknown keys are errors, TOML errors are positioned in the Markdown
// file, an unclosed +++ is an error, and a file that starts with a YAML
// --- block gets a warning. A draft page is loaded with Draft set; render
// leaves it out. Page.BodyLine is the line on which the body starts.
package load
