from careerdiff.cli import run

run()
