# cli.ftl (English): the CLI's own human output (setup, doctor, status, refunds, return, staff, keys, export) and the errors it prints.
