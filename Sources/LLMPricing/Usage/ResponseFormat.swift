/// A provider's convention for reporting token usage in an API response.
///
/// Many providers follow OpenAI's Chat Completions shape (DeepSeek, Qwen's compatible
/// mode, Doubao, Zhipu, Moonshot, Qianfan v2, MiniMax, Hunyuan's compatible mode); those
/// parse as ``openAIChat`` with each provider's extra cache fields understood.
public enum ResponseFormat: String, Hashable, Sendable, Codable, CaseIterable {
  /// OpenAI Chat Completions and compatible APIs: `prompt_tokens` includes
  /// `prompt_tokens_details.cached_tokens`; `completion_tokens` includes
  /// `completion_tokens_details.reasoning_tokens`.
  case openAIChat
  /// OpenAI Responses: `input_tokens` includes `input_tokens_details.cached_tokens`;
  /// `output_tokens` includes `output_tokens_details.reasoning_tokens`.
  case openAIResponses
  /// Anthropic Messages: `input_tokens` excludes `cache_read_input_tokens` and
  /// `cache_creation_input_tokens` (split by `cache_creation.ephemeral_5m/1h_input_tokens`).
  case anthropic
  /// DeepSeek: `prompt_cache_hit_tokens` + `prompt_cache_miss_tokens` = `prompt_tokens`.
  case deepseek
  /// Alibaba DashScope native: `usage.input_tokens` (cached in
  /// `prompt_tokens_details.cached_tokens`) and `usage.output_tokens`.
  case dashscope
  /// Google Gemini: `usageMetadata.promptTokenCount` includes `cachedContentTokenCount`;
  /// `candidatesTokenCount` excludes `thoughtsTokenCount`.
  case gemini
  /// Tencent Cloud's native Hunyuan API: `Usage.PromptTokens`, `Usage.CompletionTokens`.
  case hunyuanNative
}
