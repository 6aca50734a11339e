package render

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// actionStatusView is an action's status as a word and an icon, never a
// colour alone.
func actionStatusView(s model.ActionStatus) ActionStatusView {
	icons := map[model.ActionStatus]string{
		model.ActionNotStarted: "○", model.ActionInProgress: "◑", model.ActionComplete: "✓",
		model.ActionPaused: "‖", model.ActionOverdue: "!",
	}
	return ActionStatusView{
		Key:   strings.ReplaceAll(string(s), " ", "-"),
		Label: sentence(string(s)),
		Icon:  icons[s],
	}
}

// trackerName is a tracker's file name in words:
// "joint-agreement-action-plan" -> "Joint agreement action plan".
func trackerName(id string) string {
	return sentence(strings.ReplaceAll(id, "-", " "))
}

// anchor makes an id fragment from free text: "H.9" -> "h-9".
func anchor(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// milestoneWords is a milestone as people read it: a date in words ("30
// November 2021"), a month for a milestone written as a month ("November
// 2022"), or the text as written.
func (b *builder) milestoneWords(a *model.Action) string {
	if a.MilestoneDate.IsZero() {
		return a.Milestone
	}
	if p, err := model.ParsePeriod(a.Milestone, model.Monthly); err == nil {
		return b.lang.Words(p, 1)
	}
	return b.lang.Date(a.MilestoneDate)
}

// actionsAsAt is the day milestones are judged against: the date the
// current report was published ([reporting] published), so that a page
// about June 2022 does not call November 2022 milestones overdue when it
// is rebuilt later; the build date only when no published date is set.
func (b *builder) actionsAsAt() time.Time {
	if !b.in.Site.Published.IsZero() {
		return b.in.Site.Published
	}
	return b.o.BuildDate
}

// actionView is one action; seen holds the anchors already used on the
// page. Its milestone has passed when the day asAt is after the milestone
// day and the action is not complete.
func (b *builder) actionView(a *model.Action, root string, asAt time.Time, seen map[string]bool) (ActionView, error) {
	v := ActionView{
		ID:  "action-" + a.Tracker + "-" + anchor(a.Ref),
		Ref: a.Ref, Action: a.Action, Lead: a.Lead,
		SuccessCriteria: a.SuccessCriteria, Baseline: a.Baseline,
		Milestone: b.milestoneWords(a), MilestoneISO: format.ISODate(a.MilestoneDate),
		Status:  actionStatusView(a.Status),
		Updated: b.lang.Date(a.Updated), UpdatedISO: format.ISODate(a.Updated),
		Committee: Link{Text: a.Committee},
	}
	// Refs are unique in a tracker, but "1.1" and "1-1" make the same
	// anchor.
	for id, n := v.ID, 2; seen[v.ID]; n++ {
		v.ID = fmt.Sprintf("%s-%d", id, n)
	}
	seen[v.ID] = true
	if c := b.in.Site.Committee(a.Committee); c != nil {
		v.Committee = Link{Href: root + "committees/" + c.ID + "/", Text: c.Name}
	}
	if !a.MilestoneDate.IsZero() && !asAt.IsZero() && a.Status != model.ActionComplete {
		v.MilestonePassed = !asAt.Before(a.MilestoneDate.AddDate(0, 0, 1))
	}
	if strings.TrimSpace(a.Update) != "" {
		// Under the action's <h3> and its "Update" <h4>.
		html, err := b.o.Markdown([]byte(a.Update), 5, v.ID+"-")
		if err != nil {
			return v, fmt.Errorf("%s: update: %w", a.Pos, err)
		}
		v.Update = html
	}
	return v, nil
}

// trackers are the action plans, one per tracker file in file-name order,
// each with its introduction (content/actions/<tracker>.md, its headings
// from level minHeading, ids under idPrefix) and its actions, milestones
// judged against asAt.
func (b *builder) trackers(root string, asAt time.Time, minHeading int, idPrefix string) ([]Tracker, error) {
	actions := append([]model.Action(nil), b.in.Actions...)
	sort.SliceStable(actions, func(i, j int) bool { return actions[i].Tracker < actions[j].Tracker })
	var out []Tracker
	seen := map[string]bool{}
	for i := range actions {
		a := &actions[i]
		if n := len(out); n == 0 || out[n-1].ID != a.Tracker {
			t := Tracker{ID: a.Tracker, Name: trackerName(a.Tracker)}
			if intro := b.in.Content.Actions[a.Tracker]; intro != nil && !intro.Draft {
				if intro.Title != "" {
					t.Name = intro.Title
				}
				html, err := b.o.Markdown(intro.Body, minHeading, idPrefix+a.Tracker+"-")
				if err != nil {
					return nil, fmt.Errorf("%s: %w", intro.Path, err)
				}
				t.Intro = html
			}
			out = append(out, t)
		}
		v, err := b.actionView(a, root, asAt, seen)
		if err != nil {
			return nil, err
		}
		t := &out[len(out)-1]
		t.Actions = append(t.Actions, v)
	}
	return out, nil
}

func (b *builder) actionsJob() job {
	return func() (map[string][]byte, error) {
		const path = "actions/index.html"
		root := rootFor(path)
		page := ActionsPage{
			Layout: b.layout(path, b.lang.T("nav.actions"), b.lang.T("actions.description"), "actions"),
			AsAt:   b.lang.Date(b.actionsAsAt()),
		}
		page.AsAtWhat = b.lang.T("actions.as_at_report")
		if b.in.Site.Published.IsZero() {
			page.AsAtWhat = b.lang.T("actions.as_at_built")
		}
		trackers, err := b.trackers(root, b.actionsAsAt(), 3, "tracker-")
		if err != nil {
			return nil, err
		}
		page.Trackers = trackers
		for _, t := range trackers {
			for _, v := range t.Actions {
				if v.MilestonePassed {
					page.Passed++
				}
			}
		}
		return b.page(path, "actions.html", page)
	}
}
