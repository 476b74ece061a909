package http

import (
	"embed"
	"io/fs"
	"net/http"
)

// static holds the web UI: index.html, app.js, style.css and the world
// map's outlines (world.json, made by scripts/worldmap).
//
//go:embed ui/static
var static embed.FS

// uiHandler serves the embedded UI. Everything it loads comes from this
// server: the content security policy allows no other origin.
func uiHandler() http.Handler {
	sub, err := fs.Sub(static, "ui/static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	files := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, "method not allowed: "+r.Method)
			return
		}
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'")
		h.Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}
