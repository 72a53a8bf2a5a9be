"""Fine-tunes the committed wake word model on a site's recordings (site_windows.py) and exports it.

    /usr/bin/python3 models/wake-word/site_finetune.py --windows SITE.npz [--windows ...] --out DIR
        [--model models/wake-word/wakeword.onnx] [--epochs 2] [--lr 5e-4] [--threads 2]

Recovers each net of MODEL (onnx_to_pt.py), trains it further with train.py on the model's own training
windows (.cache/windows_train.npz, so it does not forget the voices it knew) plus every site window in every
epoch, BatchNorms frozen, and writes DIR/wakeword.onnx + wakeword.json (+ golden vectors) for
`wakeword:calibrate --model DIR/wakeword.onnx` and the kiosk's KIOSK_WAKE_MODEL. The threshold in
DIR/wakeword.json is a placeholder: calibrate on held-out site recordings before use (README, "Fine-tuning
on a site's recordings"). About 25 minutes on two cores.

Needs the training windows of the model being tuned: from an empty .cache/, `gen_clips.py --split train`
and `build_windows.py` first (README, "Reproduce").
"""

import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--windows", action="append", required=True, metavar="SITE.npz")
    ap.add_argument("--out", required=True)
    ap.add_argument("--model", default=os.path.join(HERE, "wakeword.onnx"))
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--tag", default="site", help="checkpoint names: .cache/wakenet-NORM-TAG.pt")
    args = ap.parse_args(argv)

    import torch  # noqa: E402 (after argparse: --help works without PyTorch)
    from onnx_to_pt import recover  # noqa: E402
    from voicelib.clips import CACHE  # noqa: E402

    replay = os.path.join(CACHE, "windows_train.npz")
    if not os.path.exists(replay):
        print(f"site_finetune: {replay} is missing: run gen_clips.py --split train and build_windows.py "
              "first (README, Reproduce)", file=sys.stderr)
        return 2
    for w in args.windows:
        if not os.path.exists(w):
            print(f"site_finetune: {w}: no such file (site_windows.py writes it)", file=sys.stderr)
            return 2
    os.makedirs(args.out, exist_ok=True)
    tuned = []
    for norm, net in recover(args.model):
        init = os.path.join(CACHE, f"wakenet-{norm}-{args.tag}-init.pt")
        torch.save(net.state_dict(), init)
        env = {**os.environ, "WAKE_NORM": norm, "WAKE_WIDTH": str(net.stem[0].weight.shape[0]), "WAKE_INIT": init, "WAKE_FREEZE_BN": "1",
               "WAKE_EXTRA": ",".join(os.path.abspath(w) for w in args.windows), "WAKE_TAG": f"-{args.tag}",
               "WAKE_EPOCHS": str(args.epochs), "WAKE_LR": str(args.lr), "WAKE_THREADS": str(args.threads),
               "WAKE_OUT": os.path.join(args.out, f"net-{norm}")}
        os.makedirs(env["WAKE_OUT"], exist_ok=True)
        subprocess.run([sys.executable, os.path.join(HERE, "train.py")], env=env, check=True)
        tuned.append(f"{norm}:{os.path.join(CACHE, f'wakenet-{norm}-{args.tag}.pt')}")
    subprocess.run([sys.executable, os.path.join(HERE, "export_ensemble.py"), args.out, *tuned], check=True)
    print(f"site model in {args.out}: calibrate it on held-out site recordings before use", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
