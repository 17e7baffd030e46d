// Pictures of ideas rather than data: an activation function beside its derivative, and
// small computational graphs (a network's wiring, the chain rule's path) drawn with plotly.
import type { Data } from "plotly.js";
import { NDArray } from "../np/core";
import { linspace, ones_like } from "../np/creation";
import { figure, Figure, FigureOptions } from "./plots";

/** Anything with the book's activation interface. */
export interface ActivationLike {
  output: NDArray;
  dinputs: NDArray;
  forward(inputs: NDArray, training?: boolean): void;
  backward(dvalues: NDArray): void;
}

/**
 * An activation on inputs from -4 to 4 (solid) and its derivative (dashed). Both come from the
 * class itself: `forward` on a column of inputs, then `backward` with a gradient of ones.
 */
export function plot_activation(activation: ActivationLike, options: FigureOptions & { range?: [number, number] } = {}): Figure {
  const [lo, hi] = options.range ?? [-4, 4];
  const x = linspace(lo, hi, 161).reshape(-1, 1);
  activation.forward(x);
  const output = activation.output.copy();
  activation.backward(ones_like(output));
  const fig = figure({ xaxis: "input", yaxis: "output / derivative", ...options })
    .line(x, output, "function")
    .line(x, activation.dinputs, "derivative", { dash: "dash" });
  fig.description = `function and derivative on [${lo}, ${hi}]`;
  return fig;
}

export interface GraphNode { id: string; label: string; col: number; row: number }
export interface GraphEdge { from: string; to: string; /** Written at the edge's middle, in red. */ grad?: string }

/** Boxes at (col, row) joined by arrows; rows count downwards. */
export function plot_graph(graph: { nodes: GraphNode[]; edges: GraphEdge[] } & FigureOptions): Figure {
  const at = new Map(graph.nodes.map((n) => [n.id, n]));
  const place = (id: string): GraphNode => {
    const node = at.get(id);
    if (!node) throw new Error(`plot_graph: edge refers to unknown node '${id}'`);
    return node;
  };
  const rows = Math.max(...graph.nodes.map((n) => n.row)) + 1;
  const fig = figure({ height: Math.max(260, 70 * rows), ...graph });
  const hidden = { visible: false, range: undefined };
  fig.layout.xaxis = hidden;
  fig.layout.yaxis = { ...hidden, autorange: "reversed" };
  fig.layout.showlegend = false;
  fig.layout.annotations = graph.edges.map((e) => {
    const [a, b] = [place(e.from), place(e.to)];
    return { x: b.col - 0.12, y: b.row, ax: a.col + 0.12, ay: a.row, xref: "x", yref: "y", axref: "x", ayref: "y",
      showarrow: true, arrowhead: 2, arrowwidth: 1.2, arrowcolor: "#888", text: "" };
  });
  fig.add({
    type: "scatter", mode: "text+markers", x: graph.nodes.map((n) => n.col), y: graph.nodes.map((n) => n.row),
    text: graph.nodes.map((n) => n.label), textposition: "middle center", hoverinfo: "text",
    marker: { size: 46, symbol: "square", color: "#e8ecfb", line: { color: "#636efa", width: 1 } },
  } as Data);
  const labelled = graph.edges.filter((e) => e.grad !== undefined);
  if (labelled.length > 0) {
    fig.add({
      type: "scatter", mode: "text", hoverinfo: "text", textfont: { color: "#EF553B", size: 11 },
      x: labelled.map((e) => (place(e.from).col + place(e.to).col) / 2),
      y: labelled.map((e) => (place(e.from).row + place(e.to).row) / 2 - 0.18),
      text: labelled.map((e) => e.grad as string),
    } as Data);
  }
  fig.description = `${graph.nodes.length} nodes, ${graph.edges.length} edges`;
  return fig;
}
