module kpisite

go 1.26.8

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/golang/freetype v0.0.0-20170609003504-e2365dfdc4a0
	github.com/wcharczuk/go-chart/v2 v2.1.2
	github.com/yuin/goldmark v1.8.7
	golang.org/x/image v0.18.0
	golang.org/x/sys v0.50.0
)
