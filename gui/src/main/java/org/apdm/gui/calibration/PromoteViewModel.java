package org.apdm.gui.calibration;

import java.util.List;
import org.apdm.core.config.ApdmConfig;
import org.apdm.gui.AppContext;
import org.apdm.gui.operation.OperationFlow;
import org.apdm.gui.operation.RigChoice;

/** The promote page's state: its plan → approve → result flow and the rig it works on. FX thread. */
public final class PromoteViewModel {

    private final AppContext context;
    private final OperationFlow<PromoteSteps.Prepared> flow;
    private final RigChoice rig = new RigChoice();

    public PromoteViewModel(AppContext context) {
        this.context = context;
        PromoteSteps steps = new PromoteSteps(context);
        this.flow = new OperationFlow<>(steps, context.tasks(), context.log());
        flow.beforePlan(() -> steps.rigs(rig.rigs()));
    }

    public void opened(String rigFolder) {
        rig.load(context, rigFolder);
    }

    public List<String[]> folders() {
        ApdmConfig c = context.config();
        if (c == null || c.roots().data() == null) {
            return List.<String[]>of(new String[] {"From", ""});
        }
        return List.of(new String[] {"From", c.roots().data().resolve("{rig}/10_Blink/{target}/accept/DATE_*").toString()},
                new String[] {"To", c.roots().data().resolve("{rig}/20_Data/{target}/accept/").toString()});
    }

    public OperationFlow<PromoteSteps.Prepared> flow() {
        return flow;
    }

    public RigChoice rig() {
        return rig;
    }
}
