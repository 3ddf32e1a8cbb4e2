#pragma once
// A first-order linear-chain model over BIO labels and its averaged
// perceptron trainer (Collins 2002, with lazy averaging). Emission weights are
// rows of num_labels floats keyed by hashed feature id (extract/ner_features.h);
// transition weights score (previous label, label) pairs, with a start row.
// Decoding is exact Viterbi restricted to valid BIO sequences (I-X only after
// B-X or I-X). In memory the rows sit in one hash table, each next to its
// feature id, so that a lookup costs one cache miss (Decode is bound by them);
// weights are 16-bit with one scale, in memory as in the model file (a model
// fresh from the trainer decodes as it will once saved and loaded).
// A LinearChainModel is immutable after construction and thread-safe; a
// PerceptronTrainer is single-threaded.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "extract/ner_features.h"

namespace tg::extract {

// Memory for large lookup tables: on cache-line boundaries, and from 2 MB up
// on 2 MB boundaries with a request for huge pages (perceptron.cc says why).
void* AllocateTable(size_t bytes);
void FreeTable(void* p) noexcept;

template <typename T>
struct TableAllocator {
  using value_type = T;
  TableAllocator() = default;
  template <typename U>
  TableAllocator(const TableAllocator<U>&) noexcept {}
  T* allocate(size_t n) { return static_cast<T*>(AllocateTable(n * sizeof(T))); }
  void deallocate(T* p, size_t) noexcept { FreeTable(p); }
  template <typename U>
  bool operator==(const TableAllocator<U>&) const noexcept {
    return true;
  }
};

class LinearChainModel {
 public:
  // Labels a model may have: rows are stored inline in fixed-size table slots
  // (the NER tagger has 7: O and B/I for three types).
  static constexpr int kMaxLabels = 7;

  LinearChainModel() = default;

  int num_labels() const { return num_labels_; }
  size_t num_features() const { return row_places_.size(); }

  // Best label sequence for the `seq.size()` tokens of `seq`, into labels[0..n).
  // `margins` (optional) receives per token the max-marginal gap: the score of
  // the best sequence minus that of the best sequence with another label there (>= 0).
  // `forbidden` (optional) holds per token a bit mask of labels it may not take.
  void Decode(const FeatureSeq& seq, const uint8_t* forbidden, uint8_t* labels,
              float* margins) const;

  // Binary form: weights quantized to 16 bits with one scale; the inverse of Deserialize.
  void Serialize(std::string* out) const;
  // Reads what Serialize wrote at `*pos` of `data`; fails with kCorrupt, also
  // when the model has more than kMaxLabels labels.
  static Result<LinearChainModel> Deserialize(std::string_view data, size_t* pos);

 private:
  friend class PerceptronTrainer;

  // Emission rows are stored as the model file has them, 16-bit integers
  // times one scale (a row's weight is q * scale_, the same float whether it
  // is computed at load or at lookup), three rows with their ids to a cache
  // line: the table is megabytes and the ids are hashes, so each lookup is a
  // likely cache miss, and a bucket costs one miss for what a float row per
  // half line (twice the memory, longer probe runs) or separate key and
  // weight arrays would cost more.
  static constexpr int kBucketRows = 3;
  struct alignas(64) Bucket {
    uint32_t ids[kBucketRows];
    int16_t weights[kBucketRows][kMaxLabels];
  };
  // Decode reads 16 bytes from the start of each row.
  static_assert(sizeof(Bucket) == 64 &&
                offsetof(Bucket, weights[kBucketRows - 1]) + 16 <= sizeof(Bucket));

  // Replaces the rows: ids[r] with weights[r * num_labels_ .. (r + 1) * num_labels_),
  // quantized as Serialize writes them.
  void SetRows(const std::vector<uint32_t>& ids, const std::vector<float>& weights);
  // The same with the rows already quantized: weight = q * scale.
  void SetQuantizedRows(const std::vector<uint32_t>& ids, const std::vector<int16_t>& q,
                        float scale);
  const int16_t* Row(uint32_t id) const;
  void Prefetch(uint32_t id) const;

  int num_labels_ = 0;
  std::vector<float> transitions_;  // (num_labels_ + 1) x num_labels_; row num_labels_ = start
  // Open addressing over buckets with linear probing, at most half of the
  // row places taken; a place whose id is empty_id_ (an id no row has) is
  // free, and a bucket with a free place ends a probe.
  std::vector<Bucket, TableAllocator<Bucket>> buckets_;
  uint32_t bucket_mask_ = 0;
  uint32_t empty_id_ = 0;
  float scale_ = 1.0f;
  // The place (bucket * kBucketRows + index) of each row, in the order rows were given.
  std::vector<uint32_t> row_places_;
};

// Viterbi over an n x L emission matrix and (L+1) x L transitions, with the
// BIO constraint, for 1 <= L <= LinearChainModel::kMaxLabels. Writes
// labels[0..n); margins (optional) as in Decode.
// Labels set to -infinity in `emissions` are never chosen.
void ViterbiDecode(const float* emissions, const float* transitions, size_t n, int num_labels,
                   uint8_t* labels, float* margins);

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int num_labels);

  // One online step on a sequence with gold labels: decodes with the current
  // weights and, where the prediction differs, adds the gold features and
  // transitions and subtracts the predicted ones. Returns the number of
  // tokens predicted wrongly.
  size_t Step(const FeatureSeq& seq, const uint8_t* gold);

  // The averaged weights so far, dropping rows whose largest |weight| is
  // below `prune` (0 keeps every row that was ever updated).
  LinearChainModel Averaged(float prune) const;

  size_t num_features() const { return keys_.size(); }

  // Cost-augmented decoding in Step: every label but the gold one gets
  // `cost` extra score, so that a sequence is also updated when it wins by
  // less than that margin per wrong token (0: the plain perceptron).
  void set_cost(float cost) { cost_ = cost; }

 private:
  uint32_t RowFor(uint32_t id);
  void Update(float* w, double* acc, uint32_t* stamp, float delta);

  int num_labels_;
  float cost_ = 0.0f;
  uint64_t clock_ = 1;  // steps taken + 1
  std::unordered_map<uint32_t, uint32_t> index_;
  std::vector<uint32_t> keys_;
  std::vector<float> w_;
  std::vector<double> acc_;  // lazily averaged sums
  std::vector<uint32_t> stamp_;
  std::vector<float> tw_;
  std::vector<double> tacc_;
  std::vector<uint32_t> tstamp_;
  std::vector<float> emissions_;  // scratch
  std::vector<uint8_t> predicted_;
};

}  // namespace tg::extract
