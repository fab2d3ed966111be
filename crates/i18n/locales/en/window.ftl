# window.ftl (English): the cashier's window: the shell, the keypad, the sale, the QR and the result.
