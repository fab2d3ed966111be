# setup.ftl (Finnish): the window's settings, the shop's settings, staff and log-in, training.

## Asetukset: otsikko

settings-sounds = Äänet maksetusta ja hylätystä
settings-language = Kieli
settings-language-system = Järjestelmän kieli
settings-language-forced = KASSA_LANG on asetettu, joten Kassa puhuu kieltä "{ $lang }" valinnasta riippumatta.
