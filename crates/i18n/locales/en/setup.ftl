# setup.ftl (English): the window's settings, the shop's settings, staff and log-in, training.

## Settings: the header

settings-sounds = Sounds for paid and declined
settings-language = Language
settings-language-system = The system's language
settings-language-forced = KASSA_LANG is set, so Kassa speaks "{ $lang }" whatever is chosen here.
