-- The console token comes from the environment, never from the command line.
wrk.headers["X-OpenClaw-Token"] = os.getenv("HQ_TOKEN")
