package ingest

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

const (
	kib = 1 << 10
	mib = 1 << 20
	gib = 1 << 30
)

// FormatSize writes a byte count for people: "512 bytes", "64 KB", "5 MB",
// "20.3 MB". Units are binary (1 MB = 1,048,576 bytes), as in ParseSize.
// Exact multiples of a unit have no decimals.
func FormatSize(n int64) string {
	unit, name := sizeUnit(n)
	if unit == 1 {
		return fmt.Sprintf("%d bytes", n)
	}
	if n%unit == 0 {
		return fmt.Sprintf("%d %s", n/unit, name)
	}
	return fmt.Sprintf("%.1f %s", float64(n)/float64(unit), name)
}

// sizeOneDecimal writes n with one decimal ("20.0 MB") and returns the unit.
func sizeOneDecimal(n int64) (string, int64) {
	unit, name := sizeUnit(n)
	if unit == 1 {
		return fmt.Sprintf("%d bytes", n), 1
	}
	return fmt.Sprintf("%.1f %s", float64(n)/float64(unit), name), unit
}

func sizeUnit(n int64) (int64, string) {
	switch {
	case n >= gib:
		return gib, "GB"
	case n >= mib:
		return mib, "MB"
	case n >= kib:
		return kib, "KB"
	}
	return 1, "bytes"
}

func roundTenth(f float64) float64 { return math.Round(f*10) / 10 }

// ParseSize reads a byte count such as "5242880", "500k", "5MB", "5MiB" or
// "1.5 GB". Units are binary and case-insensitive: K/KB/KiB = 1024 bytes,
// M/MB/MiB = 1024², G/GB/GiB = 1024³.
func ParseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	num := strings.TrimRight(t, "kmgib ")
	suffix := strings.TrimSpace(t[len(num):])
	var mult float64
	switch suffix {
	case "", "b":
		mult = 1
	case "k", "kb", "kib":
		mult = kib
	case "m", "mb", "mib":
		mult = mib
	case "g", "gb", "gib":
		mult = gib
	default:
		return 0, fmt.Errorf("invalid size %q: unknown unit %q (want bytes, K, MB or GB)", s, suffix)
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, fmt.Errorf("invalid size %q: want a number of bytes such as 500K, 5MB or 5242880", s)
	}
	v := f * mult
	if v >= math.MaxInt64 {
		return 0, fmt.Errorf("invalid size %q: too large", s)
	}
	return int64(v), nil
}
