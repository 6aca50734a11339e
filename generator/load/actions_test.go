package load

import (
	"fmt"
	"strings"
	"testing"

	"kpisite/generator/model"
)

func TestActionsFile(t *testing.T) {
	const header = "ref,action,committee,milestone,lead,success_criteria,baseline,status,update,updated\n"
	tests := []struct {
		name    string
		file    string
		in      string
		actions []string
		want    []string
	}{
		{"valid rows", "data/actions/plan.csv", header +
			"A.1,Do it,csmi,2022-07-31,Head,Done,,In Progress,\"**Going** well\",2022-06-30\n" +
			"A.2,Do more,csmi,Nov 2022,Head,Done,Some,not  started,,\n" +
			"A.3,Again,csmi,November 2023,Head,Done,,COMPLETE,,30 June 2022\n" +
			"A.4,Later,csmi,Spring 2023,Head,Done,,paused,,\n",
			[]string{
				"plan A.1 in progress milestone=2022-07-31 updated=2022-06-30 @data/actions/plan.csv:2",
				"plan A.2 not started milestone=2022-11-30 updated= @data/actions/plan.csv:3",
				"plan A.3 complete milestone=2023-11-30 updated=2022-06-30 @data/actions/plan.csv:4",
				"plan A.4 paused milestone= updated= @data/actions/plan.csv:5",
			}, nil},
		{"optional columns may be left out", "data/actions/plan.csv", "Ref,Action,Committee,Milestone,Lead,Success criteria,Status\nA.1,Do it,csmi,Soon,Head,Done,overdue\n",
			[]string{"plan A.1 overdue milestone= updated= @data/actions/plan.csv:2"}, nil},
		{"bad status and date", "data/actions/plan.csv", header + "A.1,Do it,csmi,2022-07-31,Head,Done,,in progess,,31/07/2022\n", nil, []string{
			`data/actions/plan.csv:2:38: column "status": "in progess" is not an action status; expected one of not started, in progress, complete, paused, overdue (did you mean "in progress"?)`,
			`data/actions/plan.csv:2:50: column "updated": "31/07/2022" is not a date; expected a date such as 2022-07-31, or an empty cell`,
		}},
		{"required cells empty", "data/actions/plan.csv", header + ",,,,,,,,,\nA.1,,,,,,,,,\n", nil, []string{
			`data/actions/plan.csv:3:5: column "action" is empty; expected what will be done`,
			`data/actions/plan.csv:3:6: column "committee" is empty; expected the id of a [[committee]] in site.toml`,
			`data/actions/plan.csv:3:7: column "milestone" is empty; expected a date such as 2022-07-31 or Nov 2022, or a short description`,
			`data/actions/plan.csv:3:8: column "lead" is empty; expected the role responsible, such as Head of Service`,
			`data/actions/plan.csv:3:9: column "success_criteria" is empty; expected how success will be judged`,
			`data/actions/plan.csv:3:11: column "status" is empty; expected one of not started, in progress, complete, paused, overdue`,
		}},
		{"repeated ref", "data/actions/plan.csv", header + "A.1,a,csmi,m,l,s,,complete,,\nA.1,b,csmi,m,l,s,,complete,,\n",
			[]string{"plan A.1 complete milestone= updated= @data/actions/plan.csv:2"}, []string{
				`data/actions/plan.csv:3:1: repeated ref "A.1", first at data/actions/plan.csv:2; expected each ref once in a tracker`,
			}},
		{"missing and misspelled columns", "data/actions/plan.csv", "ref,action,committe,milestone,lead,status\n", nil, []string{
			`data/actions/plan.csv:1: missing column "committee"; expected a header such as ref,action,committee,milestone,lead,success_criteria,baseline,status,update,updated`,
			`data/actions/plan.csv:1: missing column "success_criteria"; expected a header such as ref,action,committee,milestone,lead,success_criteria,baseline,status,update,updated`,
			`data/actions/plan.csv:1:12: unknown column "committe"; did you mean "committee"?`,
		}},
		{"tracker name not a slug", "data/actions/Action Plan.csv", header, nil, []string{
			`data/actions/Action Plan.csv: tracker name "Action Plan" is not a slug; expected a file name of lower-case letters, digits and hyphens, such as joint-agreement-action-plan.csv`,
		}},
		{"empty file", "data/actions/plan.csv", "", nil, []string{
			`data/actions/plan.csv:1: file has no header row; expected the header ref,action,committee,milestone,lead,success_criteria,baseline,status,update,updated`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps model.Problems
			var got []string
			for _, a := range ActionsFile(tt.file, []byte(tt.in), &ps) {
				got = append(got, fmt.Sprintf("%s %s %s milestone=%s updated=%s @%s", a.Tracker, a.Ref, a.Status, isoDate(a.MilestoneDate), isoDate(a.Updated), a.Pos))
			}
			if strings.Join(got, "\n") != strings.Join(tt.actions, "\n") {
				t.Errorf("actions:\n got: %q\nwant: %q", got, tt.actions)
			}
			checkProblems(t, ps, tt.want)
		})
	}
}

func TestActionsFolderIsOptional(t *testing.T) {
	acts, ps := Actions(mapFS(nil))
	if len(acts) != 0 || len(ps) != 0 {
		t.Errorf("Actions with no folder = %v, %v", acts, lines(ps))
	}
}

func TestMilestoneDate(t *testing.T) {
	for in, want := range map[string]string{
		"2022-07-31":    "2022-07-31",
		"Nov 2022":      "2022-11-30",
		"November 2022": "2022-11-30",
		"Feb 2024":      "2024-02-29",
		"2022-02":       "2022-02-28",
		"31 July 2022":  "2022-07-31",
		"1 Sep 2022":    "2022-09-01",
		"Spring 2023":   "",
		"2022-02-30":    "",
		"":              "",
	} {
		if got := isoDate(milestoneDate(in)); got != want {
			t.Errorf("milestoneDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func isoDate(d interface{ Format(string) string }) string {
	s := d.Format("2006-01-02")
	if s == "0001-01-01" {
		return ""
	}
	return s
}
