"""Reading an article: sentences, numbers, dates, places, casualty figures, event mentions."""
