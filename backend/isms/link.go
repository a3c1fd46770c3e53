package isms

// linksTo turns a list of IDs held in one field into links; blank IDs are left out.
func linksTo(field string, kind Kind, ids []string) []Link {
	var out []Link
	for _, id := range ids {
		if id != "" {
			out = append(out, Link{Field: field, Kind: kind, ID: id})
		}
	}
	return out
}

// linkTo turns one optional ID into a link list.
func linkTo(field string, kind Kind, id string) []Link {
	return linksTo(field, kind, []string{id})
}

// concatLinks joins link lists.
func concatLinks(lists ...[]Link) []Link {
	var out []Link
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}
