import VetctlCore

await VetctlCommand.runFromCommandLine()
