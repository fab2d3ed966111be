# books.ftl (Swedish): the window's books: Today, the day (X/Z), sale details, returns, refunds, notes that need attention.
