"""The classifier architecture shared by our own model and the CLINC150 benchmark.

Hashed char 1-5-grams + word uni/bi-grams (features.py) -> mean-pooled embedding table -> one hidden layer
(ReLU, dropout) -> one softmax head per task (intent; optionally procedure and facility slots). An ensemble
of members trained with different seeds is averaged inside one ONNX graph (onnx_export.py).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn


@dataclass
class HParams:
    buckets: int = 1 << 17
    dim: int = 48
    hidden: int = 256
    dropout: float = 0.3
    feature_dropout: float = 0.1
    label_smoothing: float = 0.1
    epochs: int = 12
    batch: int = 32
    lr: float = 2e-3
    emb_lr: float = 0.05
    members: int = 1
    seed: int = 13
    heads: dict[str, int] = field(default_factory=dict)


class HashNet(nn.Module):
    def __init__(self, hp: HParams) -> None:
        super().__init__()
        self.emb = nn.EmbeddingBag(hp.buckets, hp.dim, mode="mean", sparse=True)
        nn.init.normal_(self.emb.weight, 0.0, 0.1)
        self.hidden = nn.Linear(hp.dim, hp.hidden)
        self.drop = nn.Dropout(hp.dropout)
        self.heads = nn.ModuleDict({name: nn.Linear(hp.hidden, n) for name, n in hp.heads.items()})

    def forward(self, ids: torch.Tensor, offsets: torch.Tensor) -> dict[str, torch.Tensor]:
        h = self.drop(torch.relu(self.hidden(self.emb(ids, offsets))))
        return {name: head(h) for name, head in self.heads.items()}


def _batch(rows: list[list[int]], drop: float, rng: random.Random) -> tuple[torch.Tensor, torch.Tensor]:
    flat: list[int] = []
    offsets: list[int] = []
    for ids in rows:
        offsets.append(len(flat))
        kept = [i for i in ids if rng.random() >= drop] if drop > 0 else ids
        flat.extend(kept if kept else ids)
    return torch.tensor(flat, dtype=torch.long), torch.tensor(offsets, dtype=torch.long)


def train_member(
    feats: list[list[int]], labels: dict[str, list[int]], hp: HParams, seed: int, log=print
) -> HashNet:
    """Trains one member. labels[head][i] is the class of example i for that head (-100: not labelled)."""
    torch.manual_seed(seed)
    rng = random.Random(seed)
    net = HashNet(hp)
    sparse_opt = torch.optim.SparseAdam(list(net.emb.parameters()), lr=hp.emb_lr * 0.1)
    dense = [p for n, p in net.named_parameters() if not n.startswith("emb.")]
    dense_opt = torch.optim.AdamW(dense, lr=hp.lr, weight_decay=1e-4)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=hp.label_smoothing, ignore_index=-100)
    y = {name: torch.tensor(v, dtype=torch.long) for name, v in labels.items()}
    order = list(range(len(feats)))
    steps = hp.epochs * math.ceil(len(order) / hp.batch)
    step = 0
    for epoch in range(hp.epochs):
        rng.shuffle(order)
        net.train()
        total = 0.0
        for start in range(0, len(order), hp.batch):
            idx = order[start : start + hp.batch]
            ids, offs = _batch([feats[i] for i in idx], hp.feature_dropout, rng)
            out = net(ids, offs)
            loss = sum(loss_fn(out[name], y[name][idx]) for name in hp.heads)
            # linear decay of both learning rates
            frac = 1.0 - step / steps
            for g in sparse_opt.param_groups:
                g["lr"] = hp.emb_lr * 0.1 * frac
            for g in dense_opt.param_groups:
                g["lr"] = hp.lr * frac
            sparse_opt.zero_grad()
            dense_opt.zero_grad()
            loss.backward()
            sparse_opt.step()
            dense_opt.step()
            total += float(loss) * len(idx)
            step += 1
        log(f"  member seed={seed} epoch {epoch + 1}/{hp.epochs} loss {total / len(order):.4f}")
    net.eval()
    return net


def member_arrays(net: HashNet) -> dict[str, np.ndarray]:
    """Weights as numpy, with the embedding table rounded to float16 (what the ONNX file stores)."""
    arr = {
        "emb": net.emb.weight.detach().numpy().astype(np.float16),
        "w1": net.hidden.weight.detach().numpy().T.copy(),
        "b1": net.hidden.bias.detach().numpy().copy(),
    }
    for name, head in net.heads.items():
        arr[f"w_{name}"] = head.weight.detach().numpy().T.copy()
        arr[f"b_{name}"] = head.bias.detach().numpy().copy()
    return arr


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def predict(members: list[dict[str, np.ndarray]], feats: list[list[int]], head: str) -> np.ndarray:
    """Reference inference in numpy, identical in arithmetic to the ONNX graph: probs [N, classes]."""
    out = []
    for ids in feats:
        acc = None
        for m in members:
            pooled = m["emb"][np.asarray(ids if ids else [0])].astype(np.float32).mean(axis=0)
            h = np.maximum(pooled @ m["w1"] + m["b1"], 0.0)
            p = _softmax(h @ m[f"w_{head}"] + m[f"b_{head}"])
            acc = p if acc is None else acc + p
        out.append(acc / len(members))
    return np.stack(out)
