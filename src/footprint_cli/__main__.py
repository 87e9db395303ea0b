from footprint_cli.cli import main

main()
