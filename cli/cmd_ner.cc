// tiegraph ner: train and evaluate the named-entity tagger.
//   tiegraph ner train --lang ko|en --out FILE [--data-dir DIR]
//   tiegraph ner eval --lang ko|en --set SET [--model FILE] [--format text|json]
#include <algorithm>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "extract/kb.h"
#include "extract/ner_train.h"
#include "extract/tagger.h"
#include "extract/tagger_model.h"
#include "extract/tagger_tokens.h"

namespace tg::cli {
namespace {

struct NerArgs {
  std::string lang;
  std::string out;
  std::string data_dir = "../shared/data";  // relative to the working directory
  std::string lexicon_dir;
  std::string kb_dir;
  bool no_kb = false;
  int epochs = 30;
  int min_count = 1;
  float dropout = 0.2f;
  std::string set;
  std::string model;
  Format format = Format::kText;
  bool errors = false;
  bool no_retrain = false;
  uint64_t seed = extract::NerTrainOptions().seed;
  float cost = extract::NerTrainOptions().margin_cost;
  bool hangul_words = extract::NerTrainOptions().hangul_words;
  bool capital_runs = extract::NerTrainOptions().capital_runs;  // train: keep the best-dev-epoch model, do not retrain on dev  // eval: print each sentence's missed and spurious spans
};

std::string DataRoot() {
  return std::filesystem::path(extract::Tagger::DefaultDir()).parent_path().string();
}

// The knowledge base for gazetteer features, or null (with a note) when it cannot be loaded.
std::shared_ptr<const extract::KnowledgeBase> LoadKbOrNote(const NerArgs& args) {
  if (args.no_kb) return nullptr;
  const std::string dir = args.kb_dir.empty() ? extract::KnowledgeBase::DefaultDir() : args.kb_dir;
  Result<std::shared_ptr<const extract::KnowledgeBase>> kb = extract::KnowledgeBase::Load(dir);
  if (!kb.has_value()) {
    std::cerr << "tiegraph: ner: no knowledge base (" << kb.error().ToString()
              << "); gazetteer features from the KB are off\n";
    return nullptr;
  }
  return *kb;
}

void RunTrain(const NerArgs& args, RunState* state) {
  std::shared_ptr<const extract::KnowledgeBase> kb = LoadKbOrNote(args);
  extract::NerTrainOptions options;
  options.lang = args.lang;
  options.data_dir = args.data_dir;
  options.lexicon_dir = args.lexicon_dir.empty() ? DataRoot() + "/lexicon" : args.lexicon_dir;
  options.kb = kb.get();
  options.max_epochs = args.epochs;
  options.min_feature_count = args.min_count;
  options.feature_dropout = args.dropout;
  options.final_with_dev = !args.no_retrain;
  options.seed = args.seed;
  options.margin_cost = args.cost;
  options.hangul_words = args.hangul_words;
  options.capital_runs = args.capital_runs;
  options.log = [](const std::string& line) { std::cerr << "ner train: " << line << "\n"; };
  Result<extract::NerModel> model = extract::TrainNerModel(options);
  if (!model.has_value()) {
    PrintError("ner train: " + model.error().ToString());
    state->exit_code = kExitError;
    return;
  }
  if (Status s = extract::SaveNerModel(*model, args.out); !s.ok()) {
    PrintError("ner train: " + s.ToString());
    state->exit_code = kExitError;
    return;
  }
  std::cerr << fmt::format("ner train: wrote {} ({} bytes)\n", args.out,
                           std::filesystem::file_size(args.out));
}

// For error analysis on a dev set: each sentence with a wrong or missed span,
// then "- gold" and "+ predicted" lines for the spans that do not match.
void PrintErrors(const extract::Tagger& tagger, const std::vector<extract::NerExample>& examples,
                 const extract::KnowledgeBase* kb) {
  const char* names[] = {"PER", "ORG", "PLC"};
  for (const extract::NerExample& ex : examples) {
    const text::Analysis analysis = text::Analyze(ex.text);
    std::vector<extract::NerSpan> predicted;
    for (const extract::Mention& m : tagger.Tag(ex.text, analysis, kb)) {
      predicted.push_back({m.begin, m.end, m.type});
    }
    extract::TaggerTokens refined;
    extract::RefineTokens(ex.text, analysis, &refined);
    // '!' marks a gold span whose boundary falls inside one of the tagger's tokens.
    auto aligned = [&](const extract::NerSpan& s) {
      bool b = false, e = false;
      for (const text::Token& t : refined.analysis.tokens) {
        b = b || t.begin == s.begin;
        e = e || t.end == s.end;
      }
      return b && e;
    };
    std::string lines;
    auto add = [&](char sign, const extract::NerSpan& s) {
      if (sign == '-' && !aligned(s)) sign = '!';
      lines += fmt::format("  {} {} {}\n", sign, names[static_cast<int>(s.type)],
                           ex.text.substr(s.begin, s.end - s.begin));
    };
    for (const extract::NerSpan& g : ex.spans) {
      if (extract::IsNerType(g.type) &&
          std::find(predicted.begin(), predicted.end(), g) == predicted.end()) {
        add('-', g);
      }
    }
    for (const extract::NerSpan& p : predicted) {
      if (std::find(ex.spans.begin(), ex.spans.end(), p) == ex.spans.end()) add('+', p);
    }
    if (!lines.empty()) std::cout << ex.text << "\n" << lines;
  }
}

void RunEval(const NerArgs& args, RunState* state) {
  const std::string path =
      args.model.empty() ? extract::Tagger::DefaultDir() + "/ner-" + args.lang + ".bin"
                         : args.model;
  Result<std::unique_ptr<const extract::Tagger>> tagger = extract::Tagger::Load(path);
  if (!tagger.has_value()) {
    PrintError("ner eval: " + tagger.error().ToString());
    state->exit_code = kExitError;
    return;
  }
  Result<std::vector<extract::NerExample>> examples =
      extract::LoadNerEvalSet(args.data_dir, args.set);
  if (!examples.has_value()) {
    PrintError("ner eval: " + examples.error().ToString());
    state->exit_code = kExitError;
    return;
  }
  std::shared_ptr<const extract::KnowledgeBase> kb = LoadKbOrNote(args);
  if (args.errors) PrintErrors(**tagger, *examples, kb.get());
  const extract::NerEvalResult r = extract::EvaluateTagger(**tagger, *examples, kb.get());
  const char* names[] = {"PERSON", "ORG", "PLACE"};
  if (args.format == Format::kJson) {
    nlohmann::json out;
    out["set"] = args.set;
    out["lang"] = args.lang;
    out["model"] = path;
    out["sentences"] = r.sentences;
    out["tokens"] = r.tokens;
    out["gold_spans_misaligned"] = r.projection.misaligned;
    out["oracle_f1"] = r.oracle.F1(-1);
    out["tokens_per_second"] = r.seconds > 0 ? r.tokens / r.seconds : 0.0;
    out["tagging_tokens_per_second"] = r.tag_seconds > 0 ? r.tokens / r.tag_seconds : 0.0;
    for (int t = -1; t < 3; ++t) {
      nlohmann::json row;
      row["precision"] = r.counts.Precision(t);
      row["recall"] = r.counts.Recall(t);
      row["f1"] = r.counts.F1(t);
      row["gold"] = r.counts.Gold(t);
      out[t < 0 ? "micro" : names[t]] = row;
    }
    PrintJson(out, /*pretty=*/true);
    return;
  }
  std::vector<std::vector<std::string>> rows = {{"TYPE", "GOLD", "P", "R", "F1"}};
  for (int t = 0; t <= 3; ++t) {
    const int type = t == 3 ? -1 : t;
    rows.push_back({type < 0 ? "micro" : names[type], std::to_string(r.counts.Gold(type)),
                    fmt::format("{:.4f}", r.counts.Precision(type)),
                    fmt::format("{:.4f}", r.counts.Recall(type)),
                    fmt::format("{:.4f}", r.counts.F1(type))});
  }
  std::cout << fmt::format(
      "{} ({} sentences, {} tokens; {} of {} gold spans cut inside a tagger token, oracle F1 "
      "{:.4f})\n",
      args.set, r.sentences, r.tokens, r.projection.misaligned, r.projection.spans,
      r.oracle.F1(-1));
  PrintTable(rows);
  std::cout << fmt::format("{:.0f} tokens/s tagging alone, {:.0f} tokens/s with text::Analyze\n",
                           r.tag_seconds > 0 ? r.tokens / r.tag_seconds : 0.0,
                           r.seconds > 0 ? r.tokens / r.seconds : 0.0);
}

void AddCommonOptions(CLI::App* cmd, NerArgs* args) {
  cmd->add_option("--lang", args->lang, "Language: ko or en")
      ->required()
      ->check(CLI::IsMember({"ko", "en"}));
  cmd->add_option("--data-dir", args->data_dir, "The shared data folder (klue-ner/, gum/ ...)")
      ->capture_default_str();
  cmd->add_option("--kb", args->kb_dir, "Knowledge-base directory (default: data/kb)");
  cmd->add_flag("--no-kb", args->no_kb, "Do not use knowledge-base gazetteer features");
}

}  // namespace

void AddNerCommand(CLI::App& app, RunState* state) {
  CLI::App* cmd = app.add_subcommand("ner", "Train and evaluate the named-entity tagger.");
  cmd->require_subcommand(1);
  auto args = std::make_shared<NerArgs>();

  CLI::App* train = cmd->add_subcommand("train", "Train a model from the shared data.");
  AddCommonOptions(train, args.get());
  train->add_option("--out", args->out, "Model file to write")->required();
  train->add_option("--lexicon-dir", args->lexicon_dir, "Word lists (default: data/lexicon)");
  train->add_option("--epochs", args->epochs, "Most epochs (early stopping on dev)")
      ->capture_default_str();
  train->add_option("--min-count", args->min_count, "Drop features seen fewer times")
      ->capture_default_str();
  train->add_option("--dropout", args->dropout, "Probability of hiding a feature per step")
      ->capture_default_str();
  train->add_option("--seed", args->seed, "Shuffling and dropout seed")->capture_default_str();
  train->add_option("--cost", args->cost,
                    "Margin: extra score of every wrong label while training (0: plain perceptron)")
      ->capture_default_str();
  train->add_option("--hangul-words", args->hangul_words,
                    "Whole-word features of Hangul pieces (true/false)")
      ->capture_default_str();
  train->add_option("--capital-runs", args->capital_runs,
                    "English: name-word lists and capitalised-run features (true/false)")
      ->capture_default_str();
  train->add_flag("--no-retrain", args->no_retrain,
                  "Keep the best dev epoch's model (for error analysis on dev)");
  train->callback([args, state]() { RunTrain(*args, state); });

  CLI::App* eval = cmd->add_subcommand("eval", "Entity-level P/R/F1 of a model on a test set.");
  AddCommonOptions(eval, args.get());
  eval->add_option("--set", args->set, "klue-heldout, klue-dev, gum-test, gum-dev or uner-pud")
      ->required()
      ->check(CLI::IsMember({"klue-heldout", "klue-dev", "gum-test", "gum-dev", "uner-pud"}));
  eval->add_option("--model", args->model, "Model file (default: data/models/ner-<lang>.bin)");
  AddFormatOption(eval, &args->format, {"text", "json"});
  eval->add_flag("--errors", args->errors, "Print the missed (-) and spurious (+) spans first");
  eval->callback([args, state]() { RunEval(*args, state); });
}

}  // namespace tg::cli
