package load

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"time"

	"kpisite/generator/model"
)

// ActionsDir holds the action-plan trackers (optional).
const ActionsDir = "data/actions"

// ActionsHeader is the header of an action-plan tracker (SPEC 3.7).
var ActionsHeader = Header{
	Columns:  []string{"ref", "action", "committee", "milestone", "lead", "success_criteria", "baseline", "status", "update", "updated"},
	Required: []string{"ref", "action", "committee", "milestone", "lead", "success_criteria", "status"},
	Example:  "ref,action,committee,milestone,lead,success_criteria,baseline,status,update,updated",
}

// actionRequired are the cells that must not be empty.
var actionRequired = []string{"ref", "action", "committee", "milestone", "lead", "success_criteria", "status"}

// Actions reads every data/actions/*.csv tracker. The folder is optional.
func Actions(fsys fs.FS) ([]model.Action, model.Problems) {
	var ps model.Problems
	var out []model.Action
	for _, name := range listFiles(fsys, ActionsDir, ".csv", &ps) {
		src, ok := readFileMax(fsys, name, MaxCSVBytes, &ps)
		if !ok {
			continue
		}
		out = append(out, ActionsFile(name, src, &ps)...)
	}
	return out, ps
}

// ActionsFile reads one tracker; its name without ".csv" names the
// tracker and must be a slug. The committee of each action is checked
// against site.toml by package validate.
func ActionsFile(name string, src []byte, ps *model.Problems) []model.Action {
	tracker := strings.TrimSuffix(path.Base(name), path.Ext(name))
	if !IsSlug(tracker) {
		ps.Errorf(model.Position{Path: name}, "tracker name %q is not a slug; expected a file name of lower-case letters, digits and hyphens, such as joint-agreement-action-plan.csv", tracker)
	}
	before := len(*ps)
	c := ReadCSV(name, src, ps)
	if c.Header == nil {
		if len(*ps) == before {
			ps.Errorf(model.Position{Path: name, Line: 1}, "file has no header row; expected the header %s", ActionsHeader.Example)
		}
		return nil
	}
	col, _ := ActionsHeader.Match(c.Header, ps)
	for _, k := range ActionsHeader.Required {
		if _, ok := col[k]; !ok {
			return nil
		}
	}
	var recs []actionRecord
	bad, err := decodeRows(c, col, ActionsHeader.Columns, &recs, ps)
	if err != nil {
		ps.Errorf(model.Position{Path: name}, "cannot read the rows: %v; expected the header %s", err, ActionsHeader.Example)
		return nil
	}
	refs := map[string]model.Position{}
	var out []model.Action
	for i, row := range c.Rows {
		r := rowCells{row: row, col: col}
		a, ok := recs[i].action(r, ps)
		if !ok || bad[i] {
			continue
		}
		a.Tracker = tracker
		if first, dup := refs[a.Ref]; dup {
			_, pos := r.text("ref")
			ps.Errorf(pos, "repeated ref %q, first at %s; expected each ref once in a tracker", a.Ref, first)
			continue
		}
		refs[a.Ref] = a.Pos
		out = append(out, a)
	}
	return out
}

// actionRecord is one row of a tracker, decoded by gocsv after the header
// has been checked. Absent optional columns stay empty.
type actionRecord struct {
	Ref             cellText     `csv:"ref"`
	Action          cellText     `csv:"action"`
	Committee       cellText     `csv:"committee"`
	Milestone       cellText     `csv:"milestone"`
	Lead            cellText     `csv:"lead"`
	SuccessCriteria cellText     `csv:"success_criteria"`
	Baseline        cellText     `csv:"baseline"`
	Status          actionStatus `csv:"status"`
	Update          cellText     `csv:"update"`
	Updated         cellDate     `csv:"updated"`
}

// action checks the cells that must not be empty and makes the action.
func (rec actionRecord) action(r rowCells, ps *model.Problems) (model.Action, bool) {
	a := model.Action{
		Ref:             string(rec.Ref),
		Action:          string(rec.Action),
		Committee:       string(rec.Committee),
		Milestone:       string(rec.Milestone),
		Lead:            string(rec.Lead),
		SuccessCriteria: string(rec.SuccessCriteria),
		Baseline:        string(rec.Baseline),
		Status:          model.ActionStatus(rec.Status),
		Update:          string(rec.Update),
		Updated:         rec.Updated.Time,
		Pos:             r.row[0].Pos.Row(),
	}
	good := true
	for _, k := range actionRequired {
		if s, pos := r.text(k); s == "" {
			ps.Errorf(pos, "column %q is empty; expected %s", k, actionHelp[k])
			good = false
		}
	}
	a.MilestoneDate = milestoneDate(a.Milestone)
	return a, good
}

// actionStatus is a status cell: one of model.ActionStatuses in any case
// and spacing; empty stays empty (and is reported as missing).
type actionStatus model.ActionStatus

func (st *actionStatus) UnmarshalCSV(s string) error {
	if strings.TrimSpace(s) == "" {
		*st = ""
		return nil
	}
	v, ok := parseActionStatus(s)
	if !ok {
		names := make([]string, len(model.ActionStatuses))
		for i, v := range model.ActionStatuses {
			names[i] = string(v)
		}
		return errors.New(badEnum(strings.TrimSpace(s), "an action status", names))
	}
	*st = actionStatus(v)
	return nil
}

func (st actionStatus) MarshalCSV() (string, error) { return string(st), nil }

// cellDate is a date cell: "2022-07-31", "31 July 2022" or "31 Jul
// 2022"; empty is the zero time.
type cellDate struct{ time.Time }

func (d *cellDate) UnmarshalCSV(s string) error {
	t := strings.TrimSpace(s)
	if t == "" {
		d.Time = time.Time{}
		return nil
	}
	v, ok := parseDate(t)
	if !ok {
		return fmt.Errorf("%q is not a date; expected a date such as 2022-07-31, or an empty cell", t)
	}
	d.Time = v
	return nil
}

func (d cellDate) MarshalCSV() (string, error) {
	if d.IsZero() {
		return "", nil
	}
	return d.Format(time.DateOnly), nil
}

var actionHelp = map[string]string{
	"ref":              "a reference such as 1.1",
	"action":           "what will be done",
	"committee":        "the id of a [[committee]] in site.toml",
	"milestone":        "a date such as 2022-07-31 or Nov 2022, or a short description",
	"lead":             "the role responsible, such as Head of Service",
	"success_criteria": "how success will be judged",
	"status":           "one of not started, in progress, complete, paused, overdue",
}

// parseActionStatus reads a status in any case, with any spacing.
func parseActionStatus(s string) (model.ActionStatus, bool) {
	t := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	for _, st := range model.ActionStatuses {
		if string(st) == t {
			return st, true
		}
	}
	return "", false
}

// milestoneDate reads a milestone that is a date: "2022-07-31", "31 July
// 2022", "31 Jul 2022", or a month ("Nov 2022", "November 2022",
// "2022-11"), which stands for its last day. Anything else is free text: the zero time.
func milestoneDate(s string) time.Time {
	if d, ok := parseDate(s); ok {
		return d
	}
	if p, err := model.ParsePeriod(s, model.Monthly); err == nil {
		return time.Date(p.Year, time.Month(p.Sub)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return time.Time{}
}

// parseDate reads "2022-07-31", "31 July 2022" or "31 Jul 2022".
func parseDate(s string) (time.Time, bool) {
	t := strings.Join(strings.Fields(s), " ")
	for _, layout := range []string{time.DateOnly, "2 January 2006", "2 Jan 2006"} {
		if d, err := time.Parse(layout, t); err == nil {
			return d, true
		}
	}
	return time.Time{}, false
}
