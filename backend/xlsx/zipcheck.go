package xlsx

import (
	"archive/zip"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"strconv"
	"strings"
)

// Zip-bomb limits, checked while each part inflates (not from the sizes the zip declares,
// which a crafted file can set at will). Measured on the registers of the corpus and on
// generated 100,000 to 1,000,000-row sheets: the parts of real workbooks pack at most
// 25:1 (a 1,000,000-row sheet of styled empty rows 20:1); only small parts such as
// styles.xml reach 230:1 (835 KB).
const (
	MaxPartRatio = 100     // a part that unpacks to more than RatioFloor bytes may unpack to at most this many times its packed size
	RatioFloor   = 8 << 20 // parts up to this size may pack at any ratio
)

// checkParts inflates every part of a workbook's zip to its end before anything else
// reads it, so that no part is used unchecked: a part whose data is corrupt or cut short,
// whose CRC-32 does not match, or whose size differs from what its header declares is an
// error naming the file and the part; so is a workbook that unpacks past MaxUnzippedSize
// in all, or whose large parts, or all parts together, unpack past MaxPartRatio times
// their packed size (the whole file's size, for all parts: a bomb spread over many parts
// under RatioFloor each).
// (excelize reads parts with the errors ignored, and archive/zip checks a CRC only when
// a part is read to its end.)
func checkParts(base string, zr *zip.Reader, size int64) error {
	var total int64
	buf := make([]byte, 64<<10)
	for _, zf := range zr.File {
		if strings.HasSuffix(zf.Name, "/") && zf.UncompressedSize64 == 0 {
			continue // a folder entry
		}
		if err := checkPart(base, zf, &total, size, buf); err != nil {
			return err
		}
	}
	return nil
}

func checkPart(base string, zf *zip.File, total *int64, size int64, buf []byte) error {
	part := zf.Name
	damaged := func(what string) error {
		return invalid("%s is damaged: its part %s %s, so the workbook cannot be trusted; open the original in Excel or LibreOffice, save it again as .xlsx (or copy or download it again) and import it again", base, part, what)
	}
	raw, err := zf.OpenRaw()
	if err != nil {
		return damaged("cannot be found in the file")
	}
	var r io.Reader
	switch zf.Method {
	case zip.Store:
		r = raw
	case zip.Deflate:
		fr := flate.NewReader(raw)
		defer fr.Close()
		r = fr
	default:
		return invalid("%s cannot be read: its part %s is packed with a compression method (%d) that Excel does not use; open it in Excel or LibreOffice and save it again as .xlsx", base, part, zf.Method)
	}
	h := crc32.NewIEEE()
	var n int64
	packed := int64(zf.CompressedSize64)
	for {
		k, err := r.Read(buf)
		if k > 0 {
			h.Write(buf[:k])
			n += int64(k)
			*total += int64(k)
			if *total > MaxUnzippedSize {
				return invalid("%s is too large to import: it unpacks to more than %d MB (the limit)", base, MaxUnzippedSize>>20)
			}
			if n > RatioFloor && n > MaxPartRatio*packed {
				return invalid("%s is refused as a zip bomb: its part %s unpacks to more than %d times its packed size (%d KB packed; the limit is %d:1 for parts over %d MB)",
					base, part, MaxPartRatio, packed>>10, MaxPartRatio, RatioFloor>>20)
			}
			if *total > RatioFloor && *total > MaxPartRatio*size {
				return invalid("%s is refused as a zip bomb: its parts unpack to more than %d times the file's size (%d KB; the limit is %d:1 for workbooks that unpack to over %d MB)",
					base, MaxPartRatio, size>>10, MaxPartRatio, RatioFloor>>20)
			}
			if uint64(n) > zf.UncompressedSize64 {
				return damaged("unpacks to more than the " + plainBytes(zf.UncompressedSize64) + " its header declares")
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return damaged("has corrupt or cut-short data")
		}
	}
	if uint64(n) != zf.UncompressedSize64 {
		return damaged("unpacks to " + plainBytes(uint64(n)) + ", not the " + plainBytes(zf.UncompressedSize64) + " its header declares")
	}
	if h.Sum32() != zf.CRC32 {
		return damaged("fails its checksum (CRC-32)")
	}
	return nil
}

// plainBytes writes a byte count for a message: "1 byte", "2,048 bytes".
func plainBytes(n uint64) string {
	if n == 1 {
		return "1 byte"
	}
	return thousands(int64(n)) + " bytes"
}

// thousands writes n with commas between groups of three digits: 1,048,576.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}
