# window.ftl (Norwegian bokmål): the cashier's window: the shell, the keypad, the sale, the QR and the result.
