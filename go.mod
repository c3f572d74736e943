module github.com/geokg/geokg

go 1.26.8
