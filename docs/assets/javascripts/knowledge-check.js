/*
 * Knowledge check: instant feedback and a running score on top of plain HTML.
 *
 * Without JavaScript every answer already has its feedback in a <details> element that says whether it is right.
 * This script hides those, and when an answer is chosen it shows that answer's feedback in the question's
 * aria-live region and updates the score. No libraries, no network, and nothing is stored anywhere.
 * The words come from data-kc-* attributes on the .kc element, so the script is the same in every language.
 */
(function () {
  "use strict";

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function chosenInput(question) {
    return question.querySelector('input[type="radio"]:checked');
  }

  function isCorrect(input) {
    return input.getAttribute("data-correct") === "true";
  }

  function showFeedback(root, question, input) {
    var live = question.querySelector(".kc-live");
    var option = input.closest(".kc-option");
    var correct = isCorrect(input);
    question.querySelectorAll(".kc-option").forEach(function (each) {
      each.classList.remove("kc-option--correct", "kc-option--incorrect");
    });
    option.classList.add(correct ? "kc-option--correct" : "kc-option--incorrect");
    if (!live) {
      return;
    }
    // Built from nodes already on the page (cloned), never from HTML strings.
    live.textContent = "";
    var verdict = document.createElement("strong");
    verdict.textContent = root.getAttribute(correct ? "data-kc-correct" : "data-kc-incorrect");
    live.appendChild(verdict);
    var text = option.querySelector(".kc-feedback-text");
    if (text) {
      live.appendChild(document.createTextNode(" "));
      Array.prototype.forEach.call(text.childNodes, function (node) {
        if (node.nodeType === 1 && node.tagName === "P") {
          var span = document.createElement("span");
          Array.prototype.forEach.call(node.childNodes, function (child) {
            span.appendChild(child.cloneNode(true));
          });
          live.appendChild(span);
          live.appendChild(document.createTextNode(" "));
        } else if (node.nodeType === 1 || node.nodeType === 3) {
          live.appendChild(node.cloneNode(true));
        }
      });
    }
    live.classList.remove("kc-live--correct", "kc-live--incorrect");
    live.classList.add(correct ? "kc-live--correct" : "kc-live--incorrect");
  }

  function updateScore(root) {
    var questions = root.querySelectorAll(".kc-question");
    var answered = 0;
    var correct = 0;
    questions.forEach(function (question) {
      var input = chosenInput(question);
      if (input) {
        answered += 1;
        if (isCorrect(input)) {
          correct += 1;
        }
      }
    });
    var score = root.querySelector(".kc-score");
    if (score) {
      score.textContent = answered ? fill(root.getAttribute("data-kc-score"), {
        correct: correct, total: questions.length, answered: answered
      }) : "";
    }
  }

  function reset(root) {
    root.querySelectorAll('input[type="radio"]').forEach(function (input) {
      input.checked = false;
    });
    root.querySelectorAll(".kc-option").forEach(function (option) {
      option.classList.remove("kc-option--correct", "kc-option--incorrect");
    });
    root.querySelectorAll(".kc-live").forEach(function (live) {
      live.textContent = "";
      live.classList.remove("kc-live--correct", "kc-live--incorrect");
    });
    updateScore(root);
    var first = root.querySelector('input[type="radio"]');
    if (first) {
      first.focus();
    }
  }

  function enhance(root) {
    if (root.hasAttribute("data-kc-ready")) {
      return;
    }
    root.setAttribute("data-kc-ready", "");
    root.classList.add("kc--interactive");
    var intro = root.querySelector(".kc-intro");
    if (intro && root.getAttribute("data-kc-intro")) {
      intro.textContent = root.getAttribute("data-kc-intro");
    }
    root.querySelectorAll(".kc-feedback").forEach(function (details) {
      details.hidden = true;
    });
    root.querySelectorAll(".kc-question").forEach(function (question) {
      question.addEventListener("change", function (event) {
        var input = event.target;
        if (input && input.type === "radio") {
          showFeedback(root, question, input);
          updateScore(root);
        }
      });
    });
    var button = document.createElement("button");
    button.type = "button";
    button.className = "kc-reset";
    button.textContent = root.getAttribute("data-kc-reset") || "Start again";
    button.addEventListener("click", function () {
      reset(root);
    });
    root.appendChild(button);
    // Answers chosen before the script ran (or restored by the browser's back button) count too.
    root.querySelectorAll(".kc-question").forEach(function (question) {
      var input = chosenInput(question);
      if (input) {
        showFeedback(root, question, input);
      }
    });
    updateScore(root);
  }

  function start() {
    document.querySelectorAll(".kc[data-kc]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
