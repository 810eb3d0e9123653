package org.apdm.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apdm.core.cull.CullFrame;
import org.apdm.core.cull.CullPass;
import org.apdm.core.cull.CullPlanner;
import org.apdm.core.cull.GroupProposal;

/**
 * Draws one PNG per group that needed a decision: each metric of the pass per frame in capture order,
 * the limits as dashed lines, rejected frames in red. Lets the user see why before saying yes.
 */
final class CullChartWriter {

    private static final int WIDTH = 960;
    private static final int PANEL = 170;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 46;

    private CullChartWriter() {
    }

    static Path write(GroupProposal p, Path folder) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> metrics = CullPlanner.metricsOf(p.pass());
        int height = TOP + metrics.size() * (PANEL + 30) + 30;
        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(p.pass().name() + ": reject " + p.rejects().size() + " of " + p.total() + " (" + p.percentText()
                + " %), auto-accept below " + CullCommand.num(p.pass().autoAcceptPercent()) + " %", 10, 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        String groupPath = p.group().folder().toString().replace('\\', '/');
        g.drawString(groupPath.length() > 150 ? "…" + groupPath.substring(groupPath.length() - 149) : groupPath, 10, 33);
        Set<CullFrame> rejected = new HashSet<>();
        p.rejects().forEach(r -> rejected.add(r.frame()));
        int y0 = TOP;
        for (String metric : metrics) {
            panel(g, p, metric, rejected, y0);
            y0 += PANEL + 30;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(Color.DARK_GRAY);
        g.drawString("frames in capture order; red: proposed for rejection; dashed: limits", LEFT, height - 10);
        g.dispose();
        Files.createDirectories(folder);
        String name = p.group().folder().toString().replace('\\', '/').replace('/', '_').replace(' ', '_')
                .replaceAll("[^A-Za-z0-9@+._-]", "-") + "__" + p.pass().name() + ".png";
        Path file = folder.resolve(name.length() > 180 ? name.substring(name.length() - 180) : name);
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    private static void panel(Graphics2D g, GroupProposal p, String metric, Set<CullFrame> rejected, int y0) {
        List<CullFrame> frames = p.group().frames();
        List<Double> limits = new ArrayList<>();
        for (CullPass.Limit l : p.pass().limits()) {
            if (l.metric().equals(metric)) {
                if (l.max() != null) {
                    limits.add(l.max());
                }
                if (l.min() != null) {
                    limits.add(l.min());
                }
            }
        }
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (CullFrame f : frames) {
            Double v = f.metric(metric);
            if (v != null) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        for (double l : limits) {
            lo = Math.min(lo, l);
            hi = Math.max(hi, l);
        }
        if (lo == Double.MAX_VALUE) {
            lo = 0;
            hi = 1;
        }
        double pad = Math.max((hi - lo) * 0.1, 0.05);
        lo -= pad;
        hi += pad;
        int x0 = LEFT;
        int w = WIDTH - LEFT - RIGHT;
        g.setColor(new Color(245, 245, 245));
        g.fillRect(x0, y0, w, PANEL);
        g.setColor(Color.GRAY);
        g.drawRect(x0, y0, w, PANEL);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(Color.BLACK);
        g.drawString(metric.toUpperCase(Locale.ROOT), 8, y0 + 14);
        g.drawString(fmt(hi), 8, y0 + 28);
        g.drawString(fmt(lo), 8, y0 + PANEL);
        for (double l : limits) {
            int y = y(l, lo, hi, y0);
            g.setColor(new Color(200, 0, 0));
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            g.drawLine(x0, y, x0 + w, y);
            g.drawString("limit " + fmt(l), x0 + w - 80, y - 3);
        }
        g.setStroke(new BasicStroke(1f));
        int n = frames.size();
        int prevX = -1;
        int prevY = -1;
        for (int i = 0; i < n; i++) {
            Double v = frames.get(i).metric(metric);
            int x = x0 + (n == 1 ? w / 2 : (int) Math.round(10 + (w - 20) * (double) i / (n - 1)));
            if (v == null) {
                g.setColor(Color.LIGHT_GRAY);
                g.drawLine(x, y0 + PANEL - 6, x, y0 + PANEL - 1);
                prevX = -1;
                continue;
            }
            int y = y(v, lo, hi, y0);
            if (prevX >= 0) {
                g.setColor(new Color(120, 140, 200));
                g.drawLine(prevX, prevY, x, y);
            }
            g.setColor(rejected.contains(frames.get(i)) ? new Color(210, 30, 30) : new Color(30, 70, 170));
            g.fillOval(x - 4, y - 4, 8, 8);
            prevX = x;
            prevY = y;
        }
    }

    private static int y(double v, double lo, double hi, int y0) {
        return y0 + PANEL - (int) Math.round((v - lo) / (hi - lo) * PANEL);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
