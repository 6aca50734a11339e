package load

import (
	"reflect"
	"strings"
	"testing"

	"github.com/gocarina/gocsv"

	"kpisite/generator/model"
)

// TestGocsvTraps holds a named row for each gocsv trap of STYLE.md that
// applies to decoding action-plan rows.
func TestGocsvTraps(t *testing.T) {
	const header = "ref,action,committee,milestone,lead,success_criteria,baseline,status,update,updated\n"
	tests := []struct {
		name string
		in   string
		want []string // problems
		ok   func([]model.Action) bool
	}{
		{"misspelt header is an error, not an ignored column",
			"ref,action,committee,milestone,lead,success_criteria,status,updatd\nA.1,a,csmi,m,l,s,complete,2022-01-01\n",
			[]string{`data/actions/plan.csv:1:61: unknown column "updatd"; did you mean "update"?`}, nil},
		{"a refused cell is at its file line and column, not \"record on line 0\"",
			header + "\n\nA.1,a,csmi,m,l,s,,done,,\n",
			[]string{`data/actions/plan.csv:4:19: column "status": "done" is not an action status; expected one of not started, in progress, complete, paused, overdue`}, nil},
		{"empty date stays empty, not a zero value written back",
			header + "A.1,a,csmi,m,l,s,,complete,,\n", nil,
			func(a []model.Action) bool { return len(a) == 1 && a[0].Updated.IsZero() && a[0].Baseline == "" }},
		{"every refused cell of every row is reported",
			header + "A.1,a,csmi,m,l,s,,x,,bad\nA.2,a,csmi,m,l,s,,y,,\n",
			[]string{
				`data/actions/plan.csv:2:19: column "status": "x" is not an action status; expected one of not started, in progress, complete, paused, overdue`,
				`data/actions/plan.csv:2:22: column "updated": "bad" is not a date; expected a date such as 2022-07-31, or an empty cell`,
				`data/actions/plan.csv:3:19: column "status": "y" is not an action status; expected one of not started, in progress, complete, paused, overdue`,
			}, func(a []model.Action) bool { return len(a) == 0 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps model.Problems
			got := ActionsFile("data/actions/plan.csv", []byte(tt.in), &ps)
			checkProblems(t, ps, tt.want)
			if tt.ok != nil && !tt.ok(got) {
				t.Errorf("actions = %+v", got)
			}
		})
	}

	t.Run("record fields have both CSV methods (gocsv ignores a type with only one)", func(t *testing.T) {
		m := reflect.TypeOf((*gocsv.TypeMarshaller)(nil)).Elem()
		u := reflect.TypeOf((*gocsv.TypeUnmarshaller)(nil)).Elem()
		rt := reflect.TypeOf(actionRecord{})
		for i := range rt.NumField() {
			f := rt.Field(i)
			if !f.Type.Implements(m) || !reflect.PointerTo(f.Type).Implements(u) {
				t.Errorf("actionRecord.%s (%s) lacks MarshalCSV or UnmarshalCSV", f.Name, f.Type)
			}
			if k := f.Type.Kind(); k == reflect.Float64 || k == reflect.Pointer {
				t.Errorf("actionRecord.%s is %s: gocsv reads an empty cell into it as 0", f.Name, k)
			}
		}
	})
}

func TestDecodeRowsOptionalColumnsStayEmpty(t *testing.T) {
	var ps model.Problems
	acts := ActionsFile("data/actions/plan.csv", []byte("Ref,Action,Committee,Milestone,Lead,Success criteria,Status\nA.1, Do it ,csmi,Soon,Head,Done,Complete\n"), &ps)
	if len(ps) != 0 || len(acts) != 1 {
		t.Fatalf("problems %v, actions %v", lines(ps), acts)
	}
	if a := acts[0]; a.Action != "Do it" || a.Update != "" || a.Baseline != "" || !strings.EqualFold(string(a.Status), "complete") {
		t.Errorf("action = %+v", a)
	}
}
