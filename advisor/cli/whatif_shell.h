// WhatifShell: the interactive what-if session of `sparktune whatif LOG
// --interactive`. The application is parsed and calibrated once; every
// command then re-runs only the simulation (milliseconds).
//
// Commands: set KEY=VALUE, unset KEY, show, diff, stages, explain STAGE, undo,
// help, quit. On a terminal, lines are edited with libedit and kept in
// ~/.sparktune_history; otherwise commands are read from the input stream, one
// per line (scripts and tests).
//
// The session opens with the replay fidelity of the log
// (simulator/workload/replay_fidelity.h): a low-confidence replay marks every
// answer; a refused one ends the session at once (exit 3) with the reasons,
// and an absurd answer for one config is refused instead of printed.
#pragma once

#include <iosfwd>

#include "simulator/workload/app_simulator.h"

namespace sparktune::cli {

// Runs the session until quit or end of input; returns the exit code.
int RunWhatifShell(const simulator::AppSimulator& sim, std::istream& in, std::ostream& out,
                   bool terminal);

}  // namespace sparktune::cli
