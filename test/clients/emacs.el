;;; emacs.el --- Drives Fairword's language server through eglot in Emacs run in batch mode  -*- lexical-binding: t -*-

;; Does what a person does, with keys played through Emacs's command loop (`execute-kbd-macro'), so the hooks
;; that run between commands run as they do at the keyboard: visit an advert, wait for Flymake to show Fairword's
;; findings, go to the first, pick "Replace with 'salesperson'" from `eglot-code-actions', save, and wait for the
;; findings of the new text; then visit a plain-text file and a LaTeX file. Every wait reads the servers' output
;; until a condition holds or a deadline passes. The configuration comes from $FAIRWORD_EMACS_INIT (the test
;; copies it from docs/editors.md); `fairword-language-server' must be on PATH. Writes what happened as JSON to
;; $FAIRWORD_RESULT and exits 0, or 1 after recording the error.

(require 'json)
(require 'subr-x)

(defvar fairword-test-result nil "What the run saw, as an alist written to $FAIRWORD_RESULT.")
(defvar fairword-test-offered nil "The titles `eglot-code-actions' offered in the minibuffer.")

(defun fairword-test-record (key value)
  "Record VALUE under KEY in the result."
  (push (cons key value) fairword-test-result))

(defun fairword-test-finish (code)
  "Write the result and leave Emacs with exit CODE, after shutting the language servers down."
  (ignore-errors
    (dolist (servers (hash-table-values eglot--servers-by-project))
      (dolist (server servers) (eglot-shutdown server))))
  (with-temp-file (getenv "FAIRWORD_RESULT")
    (insert (json-encode fairword-test-result)))
  (kill-emacs code))

(defun fairword-test-wait (what predicate)
  "Read process output until PREDICATE holds; signal an error naming WHAT after 30 seconds."
  (let ((deadline (+ (float-time) 30)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (unless (funcall predicate) (error "No %s within 30 s" what))))

(defun fairword-test-position (pos)
  "POS as LINE:COLUMN, both counted from 1, the column in characters."
  (save-excursion
    (goto-char pos)
    (format "%d:%d" (line-number-at-pos) (1+ (- pos (line-beginning-position))))))

(defun fairword-test-diagnostics ()
  "Flymake's diagnostics in the current buffer as sorted \"line:col-line:col text\" strings."
  (sort (mapcar (lambda (d)
                  (format "%s-%s %s"
                          (fairword-test-position (flymake-diagnostic-beg d))
                          (fairword-test-position (flymake-diagnostic-end d))
                          (flymake-diagnostic-text d)))
                (flymake-diagnostics))
        #'string<))

(defun fairword-test-shows (code)
  "Whether Flymake shows a diagnostic from Fairword's rule CODE in the current buffer."
  (seq-some (lambda (d) (string-search (format "[%s]" code) (flymake-diagnostic-text d))) (flymake-diagnostics)))

(defun fairword-test-keys (keys)
  "Type KEYS (in `kbd' notation) as a person would."
  (execute-kbd-macro (kbd keys)))

(defun fairword-test-language-servers ()
  "How many language server processes Emacs runs."
  (seq-count (lambda (p) (string-match-p "fairword-language-server" (string-join (process-command p) " ")))
             (process-list)))

(defun fairword-test-record-offer ()
  "Record the choices of eglot's code action prompt when it opens."
  (when (string-prefix-p "[eglot] Pick an action" (minibuffer-prompt))
    (setq fairword-test-offered (all-completions "" minibuffer-completion-table))))

(defun fairword-test-open (file)
  "Visit FILE (relative to the current directory) and wait until eglot manages it."
  (fairword-test-keys (format "C-x C-f %s RET" file))
  (fairword-test-wait (format "eglot connection for %s" file) (lambda () (bound-and-true-p eglot--managed-mode)))
  ;; Flymake starts its first check after the next command; a person moving to the top of the buffer is one.
  (fairword-test-keys "M-<"))

(defun fairword-test-run ()
  "The session; see the commentary at the top of this file."
  ;; An interactive Emacs activates the installed packages (eglot, markdown-mode) before reading the init file;
  ;; batch mode leaves that to the caller.
  (package-activate-all)
  (load (getenv "FAIRWORD_EMACS_INIT") nil t)
  (add-hook 'minibuffer-setup-hook #'fairword-test-record-offer)

  (fairword-test-open "advert.md")
  (fairword-test-record 'mode (symbol-name major-mode))
  (fairword-test-wait "gendered-job-title diagnostic" (lambda () (fairword-test-shows "gendered-job-title")))
  (fairword-test-record 'diagnostics (fairword-test-diagnostics))

  (fairword-test-keys "M-x flymake-goto-next-error RET")
  (fairword-test-record 'point (fairword-test-position (point)))
  (fairword-test-keys "M-x eglot-code-actions RET Replace C-q SPC with C-q SPC 'salesperson' RET")
  (fairword-test-record 'actions fairword-test-offered)
  (fairword-test-keys "C-x C-s")
  (fairword-test-record 'lines (split-string (buffer-string) "\n"))
  (fairword-test-wait "diagnostics of the fixed text"
                      (lambda () (and (flymake-diagnostics) (not (fairword-test-shows "gendered-job-title")))))
  (fairword-test-record 'after (fairword-test-diagnostics))

  (fairword-test-open "notes.txt")
  (fairword-test-record 'text-mode (symbol-name major-mode))
  (fairword-test-wait "diagnostics in notes.txt" #'flymake-diagnostics)
  (fairword-test-record 'text (fairword-test-diagnostics))
  (fairword-test-record 'servers (fairword-test-language-servers))

  ;; A mode built on text-mode that Fairword does not check: no server starts for it.
  (fairword-test-keys "C-x C-f notes.tex RET M-<")
  (fairword-test-record 'latex (list (symbol-name major-mode)
                                     (if (bound-and-true-p eglot--managed-mode) "managed" "unmanaged")
                                     (fairword-test-language-servers))))

(condition-case err
    (progn (fairword-test-run) (fairword-test-finish 0))
  (error (fairword-test-record 'error (error-message-string err))
         (fairword-test-finish 1)))

;;; emacs.el ends here
