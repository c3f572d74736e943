package resolvers

import "sync"

// keyLock serialises work per key: ingestArticle holds the article id's
// lock from "is it stored?" to Apply, so that of concurrent ingests of one
// text exactly one answers created: true. It does not reach across server
// processes sharing one Neo4j database.
type keyLock struct {
	mu   sync.Mutex
	held map[string]*keyEntry
}

type keyEntry struct {
	mu   sync.Mutex
	refs int // holders and waiters; the entry goes when it drops to 0
}

// lock takes key's lock and returns its unlock.
func (l *keyLock) lock(key string) (unlock func()) {
	l.mu.Lock()
	if l.held == nil {
		l.held = map[string]*keyEntry{}
	}
	e := l.held[key]
	if e == nil {
		e = &keyEntry{}
		l.held[key] = e
	}
	e.refs++
	l.mu.Unlock()
	e.mu.Lock()
	return func() {
		e.mu.Unlock()
		l.mu.Lock()
		if e.refs--; e.refs == 0 {
			delete(l.held, key)
		}
		l.mu.Unlock()
	}
}
