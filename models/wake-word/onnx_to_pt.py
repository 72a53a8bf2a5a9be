"""Recovers PyTorch checkpoints of the committed ensemble's nets from wakeword.onnx (for fine-tuning it on a
machine without the .cache/ of the session that trained it).

    /usr/bin/python3 models/wake-word/onnx_to_pt.py [MODEL.onnx [TAG [GOLDEN.json]]]  -> .cache/wakenet-NORM-TAG.pt

MODEL.json (beside MODEL.onnx) names the nets' norms; GOLDEN.json (default: the fixtures' golden vectors of
the committed model) holds inputs and the ONNX model's outputs.

The ONNX export folded each BatchNorm into the convolution before it, so each recovered net has the folded
weights in its convolutions and identity BatchNorms (scale 1, shift = folded bias, mean 0, variance 1 - eps):
in eval mode it computes exactly what the ONNX graph computes, checked here against the golden vectors
(packages/voice/fixtures/golden-wakeword.json). Fine-tune it with WAKE_FREEZE_BN=1 (train.py), so the
BatchNorms keep those statistics instead of switching to batch statistics.
"""

import json
import os
import sys

import numpy as np
import onnx
import torch
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from model import WakeNet  # noqa: E402
from voicelib.clips import CACHE  # noqa: E402

GOLDEN = os.path.join(HERE, "..", "..", "packages", "voice", "fixtures", "golden-wakeword.json")


def recover(path):
    m = onnx.load(path)
    inits = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
    # convolution weights and folded biases, in the graph's node order (net 0's eight convolutions first)
    convs = [n for n in m.graph.node if n.op_type == "Conv"]
    meta = json.load(open(path[: -len(".onnx")] + ".json"))
    norms = [s.split(":", 1)[0] for s in meta["nets"]]
    nets = []
    per = len(convs) // len(norms)
    for k, norm in enumerate(norms):
        net = WakeNet(norm=norm, c=int(inits[convs[k * per].input[1]].shape[0]))  # the width it was trained with
        conv_mods = [mod for mod in net.modules() if isinstance(mod, torch.nn.Conv1d)]
        bn_mods = [mod for mod in net.modules() if isinstance(mod, torch.nn.BatchNorm1d)]
        assert len(conv_mods) == per == len(bn_mods), (len(conv_mods), per)
        for conv, bn, node in zip(conv_mods, bn_mods, convs[k * per : (k + 1) * per]):
            w, b = inits[node.input[1]], inits[node.input[2]]
            assert tuple(conv.weight.shape) == w.shape, (conv.weight.shape, w.shape)
            conv.weight.data = torch.from_numpy(w.copy())
            bn.weight.data.fill_(1.0)
            bn.bias.data = torch.from_numpy(b.copy())
            bn.running_mean.zero_()
            bn.running_var.fill_(1.0 - bn.eps)
        for name, p in net.head.named_parameters():
            p.data = torch.from_numpy(inits[f"nets.{k}.head.{name}"].copy())
        nets.append((norm, net.eval()))
    return nets


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "wakeword.onnx")
    tag = sys.argv[2] if len(sys.argv) > 2 else "committed"
    nets = recover(path)
    g = json.load(open(sys.argv[3] if len(sys.argv) > 3 else GOLDEN))
    x = torch.tensor(np.array(g["features"], np.float32).reshape(g["shape"]))
    with torch.no_grad():
        p = torch.stack([torch.softmax(n(x), 1) for _, n in nets]).mean(0).numpy()
    err = float(np.abs(p - np.array(g["probs"])).max())
    print(f"max |recovered - golden| = {err:.2e}")
    if err > 1e-4:
        sys.exit("recovered nets do not reproduce the golden vectors")
    os.makedirs(CACHE, exist_ok=True)
    for norm, net in nets:
        out = os.path.join(CACHE, f"wakenet-{norm}-{tag}.pt")
        torch.save(net.state_dict(), out)
        print("wrote", out)


if __name__ == "__main__":
    main()
