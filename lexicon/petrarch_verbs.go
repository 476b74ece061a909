package lexicon

// AddPETRARCHVerbs parses a PETRARCH or TABARI verb dictionary (file names
// it in messages) and adds its patterns, counting them and noting what it
// skipped in r.
func (l *Lexicon) AddPETRARCHVerbs(file, src string, r *Report) {
	r.Skipped = append(r.Skipped, file+": verb import not implemented yet")
}
