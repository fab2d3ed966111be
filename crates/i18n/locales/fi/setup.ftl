# setup.ftl (Finnish): the window's settings, the shop's settings, staff and log-in, training.
