// Moved: AqeConfig lives in engine/aqe_settings/aqe_config.h (below both
// engine/plan and engine/aqe, so the two no longer include each other). This
// forwarding header keeps simulator/workload/scenario_simulator.cc building
// until its owner switches the include; delete it then.
#pragma once

#include "engine/aqe_settings/aqe_config.h"
