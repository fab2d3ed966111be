# setup.ftl (Danish): the window's settings, the shop's settings, staff and log-in, training.

## Indstillinger: overskriften

settings-sounds = Lyd ved betalt og afvist
settings-language = Sprog
settings-language-system = Systemets sprog
settings-language-forced = KASSA_LANG er sat, så Kassa taler "{ $lang }", uanset hvad der vælges her.
