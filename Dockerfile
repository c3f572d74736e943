# Production-style image: a static geokg binary on a small base.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/geokg .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/geokg /usr/local/bin/geokg
COPY articles /articles
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/geokg"]
CMD ["serve", "--addr", ":8080", "--articles", "/articles"]
