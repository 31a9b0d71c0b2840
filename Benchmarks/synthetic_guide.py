#!/usr/bin/env python3
"""A synthetic conference guide in guide's text format, for benchmarks from a plain clone.

    synthetic_guide.py --papers N --out FILE [--seed S] [--conference 'NAME YEAR']

Deterministic for a given seed. About one topic per ten papers, one author per
two or three papers (some prolific), a figure every seventh topic, twenty job
postings. When ../shared/bench/gen_guide.py is present, bench.py prefers it
(it also writes the same content as a Hugo site).
"""
import argparse
import random

FIRST = "Ada Ben Chen Dana Eli Fatima Gita Hugo Ines Jon Kai Lena Mia Nils Omar Pia Quinn Ravi Sara Tomas Uma Vera Wei Xia Yara Zoe Cédric Søren Zoë Ángel".split()
LAST = "Archer Baker Costa Diaz Evans Fischer Garcia Hansen Ito Jensen Kowalski Lopez Meyer Nakamura Okafor Patel Quist Rossi Silva Tanaka Ueda Varga Weber Xu Young Zhang Müller Ødegaard".split()
WORDS = "adaptive robust scalable private sparse causal federated generative contrastive streaming efficient calibrated".split()
NOUNS = "transformers kernels bandits embeddings estimators policies retrievers ensembles decoders priors".split()
TASKS = "speech recognition|time series forecasting|product search|label shift|tabular data|entity matching|question answering|anomaly detection".split("|")
AREAS = "machine learning|statistics|optimization|forecasting|information retrieval|computer vision".split("|")
PLACES = ["US, WA, Seattle", "US, MA, Boston", "US, CA, Palo Alto", "GB, London", "DE, BE, Berlin", "JP, 13, Tokyo"]


def guide(papers, seed, conference=None):
    rng = random.Random(seed)
    authors = sorted({f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(max(20, papers // 2))})
    weights = [1.0 / (i + 5) for i in range(len(authors))]
    topics = max(1, round(papers / 10))
    out = [f"A quick guide to Example’s papers at {conference or f'SYNTH {2020 + seed % 10}'}", "",
           "Across a range of topics, Example research blends the theoretical and the practical.", "",
           f"At this year's Synthetic Conference, Example researchers present {papers} papers on {topics} topics.", ""]
    titles = set()
    for t in range(topics):
        name = f"{rng.choice(WORDS).capitalize()} {rng.choice(TASKS)} {t + 1}"
        out += [name, "", f"{name} studies how {rng.choice(WORDS)} {rng.choice(NOUNS)} behave under {rng.choice(TASKS)}. "
                          f"At SYNTH, Example researchers apply them to {rng.choice(TASKS)}.", ""]
        count = papers // topics + (1 if t < papers % topics else 0)
        in_topic = []
        while len(in_topic) < count:
            title = f"{rng.choice(WORDS).capitalize()} {rng.choice(NOUNS)} for {rng.choice(TASKS)} via {rng.choice(WORDS)} {rng.choice(NOUNS)}"
            if title in titles:
                title += f" {len(titles)}"
            titles.add(title)
            names = []
            for _ in range(rng.randint(1, 7)):
                name = rng.choices(authors, weights)[0]
                if name not in names:
                    names.append(name)
            in_topic.append((title, names))
        if t % 7 == 3:
            out += [f"Figure {t}.png", f"An overview of the method in \"{in_topic[0][0]}\".", ""]
        for title, names in in_topic:
            out += [title, ", ".join(names), ""]
    out += ["Research areas", "", "Related content", ""]
    for j in range(20):
        out += [rng.choice(PLACES), f"The {rng.choice(AREAS)} team is hiring an Applied Scientist. "
                                    f"Key job responsibilities include: * Build {rng.choice(NOUNS)} * Run experiments"]
    return "\n".join(out)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--conference", help="the conference in the title (default SYNTH and a year from the seed)")
    args = parser.parse_args()
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(guide(args.papers, args.seed, args.conference))
