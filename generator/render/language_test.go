package render

import "testing"

func TestSharedFile(t *testing.T) {
	for path, want := range map[string]bool{
		"assets/style.css":                     true,
		"data/all.csv":                         true,
		"data/catalogue.json":                  true,
		"indicators/idva-referrals/data.csv":   true,
		"indicators/idva-referrals/data.json":  true,
		"changes/releases.json":                true,
		"robots.txt":                           true,
		"sitemap.xml":                          true,
		"indicators/idva-referrals/chart.svg":  false, // its title and description are words
		"indicators/idva-referrals/index.html": false,
		"feed.xml":                             false,
		"search/index.json":                    false,
		"data/index.html":                      false,
		"404.html":                             false,
	} {
		if got := sharedFile(path); got != want {
			t.Errorf("sharedFile(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestLocalise(t *testing.T) {
	b := &builder{o: Options{Language: Language{Prefix: "cy/"}}}
	got := b.localise(map[string][]byte{"index.html": nil, "assets/style.css": nil, "indicators/x/data.csv": nil, "indicators/x/chart.svg": nil})
	if len(got) != 2 {
		t.Errorf("localise kept %v", got)
	}
	for _, p := range []string{"cy/index.html", "cy/indicators/x/chart.svg"} {
		if _, ok := got[p]; !ok {
			t.Errorf("localise lacks %s: %v", p, got)
		}
	}
	var emitted []string
	emit := localEmit("cy/", func(p string, _ []byte) error { emitted = append(emitted, p); return nil })
	_ = emit("robots.txt", nil)
	_ = emit("about/index.html", nil)
	if len(emitted) != 1 || emitted[0] != "cy/about/index.html" {
		t.Errorf("emitted %v, want only cy/about/index.html", emitted)
	}
}
