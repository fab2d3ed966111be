# setup.ftl (Norwegian bokmål): the window's settings, the shop's settings, staff and log-in, training.

## Innstillinger: overskriften

settings-sounds = Lyd ved betalt og avvist
settings-language = Språk
settings-language-system = Systemets språk
settings-language-forced = KASSA_LANG er satt, så Kassa snakker "{ $lang }" uansett hva som velges her.
