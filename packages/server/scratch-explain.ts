// run import of N then enable explain for a second batch with changed member sheet
