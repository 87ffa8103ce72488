// Site behaviour, loaded with defer on every page.
