# customer.ftl (Swedish): the customer's display (its own window or the pane on the cashier's screen).
