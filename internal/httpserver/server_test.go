package httpserver

import "testing"

func TestBrowsable(t *testing.T) {
	tests := []struct{ in, want string }{
		{":8080", "localhost:8080"},
		{"0.0.0.0:8080", "localhost:8080"},
		{"[::]:8080", "localhost:8080"},
		{"127.0.0.1:9000", "127.0.0.1:9000"},
		{"[::1]:9000", "[::1]:9000"},
	}
	for _, tc := range tests {
		if got := Browsable(tc.in); got != tc.want {
			t.Errorf("Browsable(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}
