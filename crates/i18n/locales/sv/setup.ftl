# setup.ftl (Swedish): the window's settings, the shop's settings, staff and log-in, training.

## Inställningar: rubriken

settings-sounds = Ljud vid betalt och avvisat
settings-language = Språk
settings-language-system = Systemets språk
settings-language-forced = KASSA_LANG är satt, så Kassa talar "{ $lang }" vad som än väljs här.
