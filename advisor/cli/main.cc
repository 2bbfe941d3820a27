// Entry point of the `sparktune` binary; everything happens in the command table.
#include "advisor/cli/command.h"

int main(int argc, char** argv) { return sparktune::cli::RunMain(argc, argv); }
