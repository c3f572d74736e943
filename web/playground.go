package web

import (
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"io/fs"
	"net/http"

	"github.com/99designs/gqlgen/graphql/playground"
)

// graphiql holds GraphiQL and React, vendored from npm by
// scripts/vendor-graphiql.sh, so the playground works without a CDN.
//
//go:embed graphiql
var graphiql embed.FS

// PlaygroundAssets is where Playground's page loads its scripts from:
// register PlaygroundFiles there.
const PlaygroundAssets = "/graphiql/"

// Playground is gqlgen's GraphiQL page for the GraphQL endpoint, pointed at
// the embedded assets, each with its subresource-integrity hash computed
// from the embedded bytes.
func Playground(endpoint string) http.Handler {
	var hashes [4]string
	for i, name := range []string{"graphiql.min.js", "graphiql.min.css", "react.production.min.js", "react-dom.production.min.js"} {
		b, err := fs.ReadFile(graphiql, "graphiql/"+name)
		if err != nil {
			// Only a build without the vendored files gets here.
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Error(w, "GraphiQL is missing from this build: run scripts/vendor-graphiql.sh", http.StatusInternalServerError)
			})
		}
		sum := sha256.Sum256(b)
		hashes[i] = "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
	}
	return playground.Handler("geokg GraphQL", endpoint,
		playground.WithGraphiqlVersion(PlaygroundAssets+"graphiql.min.js", PlaygroundAssets+"graphiql.min.css", hashes[0], hashes[1]),
		playground.WithGraphiqlReactVersion(PlaygroundAssets+"react.production.min.js", PlaygroundAssets+"react-dom.production.min.js", hashes[2], hashes[3]),
	)
}

// PlaygroundFiles serves the embedded assets under PlaygroundAssets.
func PlaygroundFiles() http.Handler {
	return http.FileServerFS(graphiql)
}
